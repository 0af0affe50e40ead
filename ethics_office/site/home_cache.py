"""The home page's panels, cached per person under a data version (issue 17).

Every app's panel counts a few things for the person signed in (12–26 small queries in all).
The panels a person sees are kept in the cache under

    home:panels:<data version>:<user id>:<roles>:<language>

so a person's panels are only ever read back for that same person with the same roles; nobody
is shown counts computed for someone else. The data version moves on at every write that can
change a count: any save or deletion of a record outside the technical apps (sessions, devices,
admin log), and every audit event except views, sign-ins and sign-outs — each service writes one,
including those that write in bulk (`QuerySet.update`, the records import), which send no
model signals. It moves on when the write is made and again when it commits, so a page computed
from data read before the commit is never kept under the version after it.

Counts that change with the clock alone (overdue, refusals within the hour) are bounded by
`TIMEOUT`: a cached panel is at most that old.
"""

import logging

from django.core.cache import cache
from django.utils import translation

from ethics_office.base.dataversion import (  # noqa: F401 - the site wires these to the signals
    TIMEOUT,
    _bump,
    on_audit_event,
    on_model_change,
    version,
)
from ethics_office.base.registry import home_panels_for

logger = logging.getLogger(__name__)


def panels_for(user, roles: frozenset[str]):
    """The person's panels, from the cache when nothing changed since they were computed."""
    current = version()
    if not current:
        return home_panels_for(user, roles)
    key = f"home:panels:{current}:{user.pk}:{','.join(sorted(roles))}:{translation.get_language()}"
    try:
        panels = cache.get(key)
    except Exception:  # noqa: BLE001
        panels = None
    if panels is None:
        panels = home_panels_for(user, roles)
        try:
            cache.set(key, panels, TIMEOUT)
        except Exception:  # noqa: BLE001 - the page is shown all the same
            logger.warning("The home page's panels could not be kept", exc_info=True)
    return panels
