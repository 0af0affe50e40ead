"""The one query-count check: a list costs exactly as many queries with many rows as with few.

    from tests.queries import assert_queries_flat, get_ok

    assert_queries_flat(lambda: get_ok(client, url), add_rows=lambda n: make_requests(n))

`add_rows(n)` adds n rows; the check adds `few` (1), runs `measure()` once to warm what a first
request fills (a user's cached roles, content types), counts the queries of `measure()`, adds
rows up to `many` (50), counts again, and fails with both counts and the queries the larger
run made beyond the smaller one (the usual N+1 is plain to see there).
"""

import re
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

# Literals differ from run to run (ids, dates, names): compare the queries' shapes.
_LITERALS = re.compile(r"'(?:[^']|'')*'|\b\d+\b")


def _shape(sql: str) -> str:
    return _LITERALS.sub("?", sql)


def count_queries(measure: Callable[[], object]) -> list[str]:
    """The SQL `measure()` runs, in order."""
    with CaptureQueriesContext(connection) as ctx:
        measure()
    return [q["sql"] for q in ctx.captured_queries]


def _extra(larger: list[str], smaller: list[str]) -> list[tuple[int, str]]:
    surplus = Counter(map(_shape, larger)) - Counter(map(_shape, smaller))
    return [(times, sql) for sql, times in surplus.most_common()]


def assert_queries_flat(
    measure: Callable[[], object],
    add_rows: Callable[[int], object],
    *,
    few: int = 1,
    many: int = 50,
    what: str = "rows",
) -> int:
    """Fail unless `measure()` runs the same number of queries with `few` and with `many` rows.

    Returns the count, for a test that also wants to compare it with something else.
    """
    from ethics_office.base import dataversion

    def computed():
        # Lists kept under the data version (base.dataversion) are computed, not read back.
        dataversion._bump()
        return measure()

    add_rows(few)
    computed()
    small = count_queries(computed)
    add_rows(many - few)
    large = count_queries(computed)
    if len(small) != len(large):
        lines = [
            f"The query count grows with the number of {what}: "
            f"{len(small)} queries with {few}, {len(large)} with {many}."
        ]
        for label, (bigger, smaller) in (
            (f"Run with {many} made these beyond the run with {few}:", (large, small)),
            (f"Run with {few} made these beyond the run with {many}:", (small, large)),
        ):
            extra = _extra(bigger, smaller)
            if extra:
                lines.append(label)
                lines += [f"  {times}× {sql[:300]}" for times, sql in extra[:15]]
        pytest.fail("\n".join(lines), pytrace=False)
    return len(small)


def get_ok(client, url: str, params: dict | None = None, **extra):
    """GET `url` and insist on 200, so a count is never taken of an error page."""
    response = client.get(url, params or {}, **extra)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response
