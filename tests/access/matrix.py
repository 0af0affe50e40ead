"""The role × URL pattern × method × object access matrix.

Every named URL pattern needs at least one Row (test_matrix.py fails otherwise). Each app
keeps its rows in tests/access/rows/<app>.py with:

    def build(world): ...            # create the objects its rows point at; set attributes on world
    ROWS = [Row("advice-detail", kwargs=lambda w: {"pk": w.advice_of_staff.pk},
                expect={"staff": 200, "staff2": 404, ...})]

Roles are the demo users plus "anonymous". A role missing from `expect` takes
`expect["*"]`; a row without "*" must name every role.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = [
    "anonymous",
    "staff",
    "staff2",
    "officer",
    "officer2",
    "director",
    "focalpoint",
    "reviewer",
    "panel",
    "admin",
]

# Conveniences for common shapes of expectation.
LOGIN = 302  # anonymous browser users are sent to the login page
NO_AUTH = 401  # anonymous API clients (token auth offers a challenge)
OFFICE = ("officer", "officer2", "director")


def expect(default: int, **by_role: int) -> dict[str, int]:
    return {"*": default, **by_role}


@dataclass
class Row:
    url_name: str
    expect: dict[str, int]
    method: str = "GET"
    kwargs: Callable | None = None  # world -> dict of URL kwargs
    data: Callable | None = None  # world -> request body
    content_type: str | None = None  # e.g. "application/json" for API writes
    query: str = ""
    note: str = ""
    setup: Callable | None = field(default=None, repr=False)  # (world, role) -> None before each request

    def status_for(self, role: str) -> int:
        if role in self.expect:
            return self.expect[role]
        if "*" in self.expect:
            return self.expect["*"]
        raise KeyError(f"Row {self.url_name} {self.method} names no expectation for {role}")
