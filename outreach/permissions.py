"""One gate per thing: 404 for what the user may not know exists."""

from ethics_office.base.gates import fetch_visible, require_office
from ethics_office.base.roles import Role, has_role
from ethics_office.organisation.selectors import person_of

from .selectors import (
    briefings_visible_to,
    missions_visible_to,
    training_requests_visible_to,
    training_sessions_visible_to,
)


def may_request_training(user) -> bool:
    """Staff members with a staff record may ask for a session for their team."""
    return has_role(user, Role.STAFF) and person_of(user) is not None


def access_training_session(user, pk, *, for_write=False):
    return fetch_visible(training_sessions_visible_to(user), pk, for_write=for_write)


def access_training_request(user, pk, *, for_write=False):
    if for_write:
        require_office(user)
    return fetch_visible(training_requests_visible_to(user), pk, for_write=for_write)


def access_mission(user, pk, *, for_write=False):
    qs = missions_visible_to(user)
    if for_write:
        qs = qs.model.objects.filter(pk__in=qs.values("pk"))
    return fetch_visible(qs, pk, for_write=for_write)


def access_briefing(user, pk, *, for_write=False):
    return fetch_visible(briefings_visible_to(user), pk, for_write=for_write)
