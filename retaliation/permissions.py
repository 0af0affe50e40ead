"""The gates: 404 for a case the user may not know exists."""

from django.http import Http404

from ethics_office.base.gates import fetch_visible

from .selectors import inquiries_handled_by, inquiries_of_complainant


def access_retaliation_inquiry(user, pk, *, for_write=False):
    """The case file, for the office handling it (the Director or an assigned officer)."""
    return fetch_visible(inquiries_handled_by(user), pk, for_write=for_write)


def access_own_retaliation_inquiry(user, pk, *, for_write=False):
    """The complainant's view of their own case."""
    return fetch_visible(inquiries_of_complainant(user), pk, for_write=for_write)


def access_case_or_own(user, pk):
    """(inquiry, handles): the case file for the office handling it, else the complainant's view."""
    try:
        return access_retaliation_inquiry(user, pk), True
    except Http404:
        return access_own_retaliation_inquiry(user, pk), False
