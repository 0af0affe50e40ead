"""One gate per thing: 404 for what the user may not know exists."""

from ethics_office.core.gates import fetch_visible
from ethics_office.organisation.roles import is_office

from .selectors import consultations_visible_to


def access_consultation(user, pk, *, for_write=False):
    if for_write and not is_office(user):
        # Panel members read what is shared with them; only the office records changes.
        return fetch_visible(consultations_visible_to(user).none(), pk)
    return fetch_visible(consultations_visible_to(user), pk, for_write=for_write)
