"""The gates: one per thing, 404 for what the user may not know exists."""

from ethics_office.base.gates import fetch_visible

from .selectors import (
    conflicts_visible_to,
    documents_visible_to,
    filings_with_content_visible_to,
    queries_visible_to,
    referrals_visible_to,
    statements_visible_to,
)


def access_filing(user, pk, *, for_write=False):
    """Content level: the filer, the assigned reviewer, the office. Never a focal point."""
    return fetch_visible(filings_with_content_visible_to(user), pk, for_write=for_write)


def access_statement(user, pk, *, for_write=False):
    return fetch_visible(statements_visible_to(user), pk, for_write=for_write)


def access_conflict_item(user, pk, *, for_write=False):
    return fetch_visible(conflicts_visible_to(user), pk, for_write=for_write)


def access_document(user, pk, *, for_write=False):
    return fetch_visible(documents_visible_to(user), pk, for_write=for_write)


def access_filer_query(user, pk, *, for_write=False):
    return fetch_visible(queries_visible_to(user), pk, for_write=for_write)


def access_referral(user, pk, *, for_write=False):
    return fetch_visible(referrals_visible_to(user), pk, for_write=for_write)
