"""The home page's panels, cached per person under a data version (issue 17).

Every app's panel counts a few things for the person signed in (12–26 small queries in all).
The panels a person sees are kept under the data version (ethics_office/base/dataversion.py),
keyed by their user id, their role set and the language, so a person's panels are only ever read back for that same person with the same roles; nobody
is shown counts computed for someone else. The data version moves on at every write that can
change a count: any save or deletion of a record outside the technical apps (sessions, devices,
admin log), and every audit event except views, sign-ins and sign-outs — each service writes one,
including those that write in bulk (`QuerySet.update`, the records import), which send no
model signals. It moves on when the write is made and again when it commits, so a page computed
from data read before the commit is never kept under the version after it.

Counts that change with the clock alone (overdue, refusals within the hour) are bounded by
the data version's `TIMEOUT`: a cached panel is at most that old.
"""

from django.utils import translation

from ethics_office.base.dataversion import (  # noqa: F401 - the site wires these to the signals
    _bump,
    on_audit_event,
    on_model_change,
    remembered,
    version,
)
from ethics_office.base.registry import home_panels_for


def panels_for(user, roles: frozenset[str]):
    """The person's panels, from the cache when nothing changed since they were computed."""
    return remembered(
        "home:panels",
        (user.pk, tuple(sorted(roles)), translation.get_language()),
        lambda: home_panels_for(user, roles),
    )
