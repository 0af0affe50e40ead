"""The gates: one per entity. 404 for what the user may not know exists."""

from ethics_office.base.gates import fetch_visible

from .selectors import advice_requests_visible_to, attachments_visible_to, precedents_visible_to


def access_advice_request(user, pk, *, for_write=False):
    return fetch_visible(advice_requests_visible_to(user), pk, for_write=for_write)


def access_attachment(user, pk):
    return fetch_visible(attachments_visible_to(user), pk)


def access_precedent(user, pk):
    return fetch_visible(precedents_visible_to(user), pk)
