"""One gate per thing: 404 for what the user may not know exists; a change by anyone but the
office (a panel member may read what is shared) is refused by the office-only gate, also 404."""

from ethics_office.base.gates import fetch_visible, require_office

from .selectors import (
    annual_reports_visible_to,
    consultations_visible_to,
    meeting_documents_visible_to,
    meetings_visible_to,
    member_offices_visible_to,
)


def _gate(queryset, user, pk, for_write):
    if for_write:
        require_office(user)
    return fetch_visible(queryset, pk, for_write=for_write)


def access_consultation(user, pk, *, for_write=False):
    return _gate(consultations_visible_to(user), user, pk, for_write)


def access_meeting(user, pk, *, for_write=False):
    qs = meetings_visible_to(user)
    if for_write:
        # Aggregates cannot be locked FOR UPDATE; lock the bare row.
        qs = qs.model.objects.filter(pk__in=qs.values("pk"))
    return _gate(qs, user, pk, for_write)


def access_meeting_document(user, pk, *, for_write=False):
    return _gate(meeting_documents_visible_to(user), user, pk, for_write)


def access_member_office(user, pk, *, for_write=False):
    qs = member_offices_visible_to(user)
    if for_write:
        qs = qs.model.objects.filter(pk__in=qs.values("pk"))
    return _gate(qs, user, pk, for_write)


def access_annual_report(user, pk, *, for_write=False):
    qs = annual_reports_visible_to(user)
    if for_write:
        qs = qs.model.objects.filter(pk__in=qs.values("pk"))
    return _gate(qs, user, pk, for_write)
