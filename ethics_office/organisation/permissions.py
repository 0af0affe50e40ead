from ethics_office.base.gates import fetch_visible

from .selectors import people_visible_to


def access_person(user, pk, *, for_write=False):
    return fetch_visible(people_visible_to(user), pk, for_write=for_write)
