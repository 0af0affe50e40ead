"""Every read users reach. Officers and the Director see all of the Panel's records; panel
members see the Panel's own records (meetings, member offices, annual reports) and only the
consultations shared with them; everyone else sees nothing."""

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from ethics_office.base.roles import Role, has_role, is_office
from ethics_office.base.sorting import sorted_by

from .models import (
    AgendaItem,
    Consultation,
    MeetingDocument,
    MemberOffice,
    MemberOfficeName,
    OfficeAnnualReport,
    PanelMeeting,
    PanelName,
)


def sees_panel_records(user) -> bool:
    return is_office(user) or has_role(user, Role.PANEL)


def _name_as_of(office_ref, when=None):
    return Subquery(
        MemberOfficeName.objects.filter(office=office_ref, valid_from__lte=when or timezone.localdate())
        .order_by("-valid_from")
        .values("name")[:1]
    )


def member_offices_visible_to(user):
    if not sees_panel_records(user):
        return MemberOffice.objects.none()
    return MemberOffice.objects.annotate(current_name=_name_as_of(OuterRef("pk")))


def member_offices_named():
    """All member offices with their current name (for choices in the office's own forms)."""
    return MemberOffice.objects.annotate(current_name=_name_as_of(OuterRef("pk"))).order_by("code")


def member_office_names_visible_to(user):
    if not sees_panel_records(user):
        return MemberOfficeName.objects.none()
    return MemberOfficeName.objects.select_related("office")


# --- sortable lists: ?sort=field or ?sort=-field; anything else keeps the default order.
# The Panel meets a few times a year and receives tens of consultations: no index needed.

MEETING_ORDERS = {
    "ref": ("ref", "id"),
    "date": ("date", "id"),
    "kind": ("kind", "-date", "-id"),
    "items": ("item_count", "id"),
}
CONSULTATION_ORDERS = {
    "ref": ("ref", "id"),
    "received": ("received", "id"),
    "kind": ("kind", "-received", "-id"),
    "status": ("status", "-received", "-id"),
    "outcome": ("outcome", "-received", "-id"),
}


def sorted_list(queryset, sort: str | None, orders):
    return sorted_by(queryset, sort, orders)


def meetings_visible_to(user):
    if not sees_panel_records(user):
        return PanelMeeting.objects.none()
    # Aggregation drops Meta.ordering, so order explicitly.
    return PanelMeeting.objects.annotate(
        item_count=Count("agenda_items", distinct=True), document_count=Count("documents", distinct=True)
    ).order_by("-date", "-id")


def meetings_around(user, *, today):
    """The next three meetings from `today` on and the last three before it, in one query, each
    list in the order the home panel shows it (the next ones soonest first, the latest ones
    latest first); only the reference and date, none of the list's counts."""
    if not sees_panel_records(user):
        return [], []
    base = PanelMeeting.objects.only("ref", "date")
    upcoming = base.filter(date__gte=today).order_by("date", "id")[:3]
    recent = base.filter(date__lt=today).order_by("-date", "-id")[:3]
    rows = list(upcoming.union(recent, all=True))
    return (
        sorted((m for m in rows if m.date >= today), key=lambda m: (m.date, m.pk)),
        sorted((m for m in rows if m.date < today), key=lambda m: (m.date, m.pk), reverse=True),
    )


def agenda_items_of(meeting):
    return AgendaItem.objects.filter(meeting=meeting)


def meeting_documents_visible_to(user):
    if not sees_panel_records(user):
        return MeetingDocument.objects.none()
    return MeetingDocument.objects.select_related("meeting", "uploaded_by")


def annual_reports_visible_to(user):
    if not sees_panel_records(user):
        return OfficeAnnualReport.objects.none()
    return OfficeAnnualReport.objects.select_related("office").annotate(
        office_name=_name_as_of(OuterRef("office"))
    )


def consultations_visible_to(user):
    base = Consultation.objects.select_related("member_office", "opened_by").annotate(
        office_name=_name_as_of(OuterRef("member_office"))
    )
    if is_office(user):
        return base
    if has_role(user, Role.PANEL):
        return base.filter(shared_with=user)
    return base.none()


def panel_names_visible_to(user):
    if not sees_panel_records(user):
        return PanelName.objects.none()
    return PanelName.objects.order_by("-valid_from")
