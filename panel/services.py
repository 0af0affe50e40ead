"""Every write to the Panel's records: keyword-only, atomic, audited."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.gates import require_office
from ethics_office.base.roles import Role, has_role
from ethics_office.base.uploads import check_upload
from ethics_office.base.workflow import transition_check
from ethics_office.intake.services import reference_next

from .models import (
    AgendaItem,
    Consultation,
    ConsultationKind,
    ConsultationOutcome,
    ConsultationStatus,
    MeetingDocument,
    MeetingKind,
    MemberOffice,
    MemberOfficeName,
    MinutesStatus,
    OfficeAnnualReport,
    PanelMeeting,
    PanelName,
)
from .permissions import (
    access_annual_report,
    access_consultation,
    access_meeting,
    access_meeting_document,
    access_member_office,
)
from .workflow import CONSULTATION_ALLOWED, MINUTES_ALLOWED

User = get_user_model()


@transaction.atomic
def consultation_open(
    *,
    actor,
    kind: str,
    title: str,
    source_app: str = "",
    source_ref: str = "",
    summary: str = "",
    member_office: MemberOffice | None = None,
    received: dt.date | None = None,
) -> Consultation:
    """Put a matter to the Panel. Other apps call this too (the retaliation app, when a
    complainant asks the Panel chair to review a determination), so the actor may be a staff
    member; the consultation is visible to the office and, once shared, to panel members."""
    if kind not in ConsultationKind.values:
        raise ApplicationError(_("Unknown kind of consultation."), field="kind")
    title = (title or "").strip()
    if not title:
        raise ApplicationError(_("A consultation needs a title."), field="title")
    received = received or timezone.localdate()
    if received > timezone.localdate():
        raise ApplicationError(_("The received date cannot be in the future."), field="received")
    consultation = Consultation.objects.create(
        ref=reference_next(prefix="EPC", year=received.year),
        kind=kind,
        title=title[:200],
        summary=summary or "",
        received=received,
        member_office=member_office,
        source_app=source_app[:40],
        source_ref=source_ref[:60],
        opened_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=consultation,
        fields=["ref", "kind", "title", "summary", "received", "member_office", "source_app", "source_ref"],
        changes={"kind": (None, kind), "source_app": (None, source_app or None)},
    )
    return consultation


def consultation_read(*, actor, consultation_id: int) -> Consultation:
    """Confidential case material: every reading is recorded."""
    consultation = access_consultation(actor, consultation_id)
    audit_record(actor=actor, action=Action.VIEW, obj=consultation, fields=["summary", "outcome_note"])
    return consultation


@transaction.atomic
def consultation_share(*, actor, consultation_id: int, users) -> Consultation:
    """Share the consultation's case material with panel members (replaces the list)."""
    consultation = access_consultation(actor, consultation_id, for_write=True)
    users = list(users)
    outsiders = [u for u in users if not has_role(u, Role.PANEL)]
    if outsiders:
        raise ApplicationError(
            _("Case material can be shared only with members of the Panel."), field="shared_with"
        )
    old = sorted(consultation.shared_with.values_list("username", flat=True))
    consultation.shared_with.set(users)
    new = sorted(u.get_username() for u in users)
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=consultation,
        fields=["shared_with"],
        changes={"shared_with": (", ".join(old) or None, ", ".join(new) or None)},
    )
    return consultation


@transaction.atomic
def consultation_transition(
    *, actor, consultation_id: int, to: str, outcome: str = "", outcome_note: str = ""
) -> Consultation:
    """Close a consultation with its outcome, or reopen it."""
    consultation = access_consultation(actor, consultation_id, for_write=True)
    transition_check(CONSULTATION_ALLOWED, consultation.status, to, field="status")
    old = consultation.status
    if to == ConsultationStatus.CLOSED:
        if outcome not in ConsultationOutcome.values or not outcome:
            raise ApplicationError(_("Record the outcome to close the consultation."), field="outcome")
        consultation.outcome = outcome
        consultation.outcome_note = outcome_note or ""
        consultation.closed_on = timezone.localdate()
    else:
        consultation.outcome = ""
        consultation.closed_on = None
    consultation.status = to
    consultation.save(update_fields=["status", "outcome", "outcome_note", "closed_on", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=consultation,
        fields=["status", "outcome", "outcome_note", "closed_on"],
        changes={"status": (old, to), "outcome": (None, consultation.outcome or None)},
    )
    return consultation


# --- the Panel's name and its member offices ----------------------------------------------


@transaction.atomic
def panel_name_record(*, actor, name: str, valid_from: dt.date) -> PanelName:
    """Record a name the body takes from a date (earlier names stay for earlier dates)."""
    require_office(actor)
    name = (name or "").strip()
    if not name:
        raise ApplicationError(_("Enter the name."), field="name")
    if PanelName.objects.filter(valid_from=valid_from).exists():
        raise ApplicationError(_("The Panel already has a name from this date."), field="valid_from")
    entry = PanelName.objects.create(name=name, valid_from=valid_from)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=entry,
        fields=["name", "valid_from"],
        changes={"name": (None, name), "valid_from": (None, valid_from.isoformat())},
    )
    return entry


@transaction.atomic
def member_office_create(*, actor, code: str, name: str, valid_from: dt.date) -> MemberOffice:
    require_office(actor)
    code = (code or "").strip().lower()
    if not code or not (name or "").strip():
        raise ApplicationError(_("A member office needs a code and a name."), field="code")
    if MemberOffice.objects.filter(code=code).exists():
        raise ApplicationError(_("A member office with this code already exists."), field="code")
    office = MemberOffice.objects.create(code=code)
    MemberOfficeName.objects.create(office=office, name=name.strip(), valid_from=valid_from)
    audit_record(actor=actor, action=Action.CREATE, obj=office, fields=["code", "name", "valid_from"])
    return office


@transaction.atomic
def member_office_rename(*, actor, office_id: int, name: str, valid_from: dt.date) -> MemberOfficeName:
    """Give the office a new name from a date; earlier names stay for earlier dates."""
    office = access_member_office(actor, office_id, for_write=True)
    name = (name or "").strip()
    if not name:
        raise ApplicationError(_("Enter the new name."), field="name")
    if office.names.filter(valid_from=valid_from).exists():
        raise ApplicationError(_("The office already has a name from this date."), field="valid_from")
    entry = MemberOfficeName.objects.create(office=office, name=name, valid_from=valid_from)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=office,
        fields=["name"],
        changes={"name": (None, name), "valid_from": (None, valid_from.isoformat())},
    )
    return entry


# --- meetings --------------------------------------------------------------------------


def _refuse_if_approved(meeting: PanelMeeting) -> None:
    """Approved minutes are the record: the agenda, decisions and attendance no longer change."""
    if meeting.minutes_status == MinutesStatus.APPROVED:
        raise ApplicationError(_("The minutes are approved; the meeting's record can no longer change."))


@transaction.atomic
def meeting_create(
    *, actor, date: dt.date, kind: str, venue: str = "", ref: str | None = None
) -> PanelMeeting:
    require_office(actor)
    if kind not in MeetingKind.values:
        raise ApplicationError(_("Choose formal or informal."), field="kind")
    meeting = PanelMeeting.objects.create(
        ref=ref or reference_next(prefix="EPM", year=date.year, width=2),
        date=date,
        kind=kind,
        venue=venue,
    )
    audit_record(actor=actor, action=Action.CREATE, obj=meeting, fields=["ref", "date", "kind", "venue"])
    return meeting


@transaction.atomic
def meeting_attendance_set(*, actor, meeting_id: int, offices, note: str = "") -> PanelMeeting:
    meeting = access_meeting(actor, meeting_id, for_write=True)
    _refuse_if_approved(meeting)
    meeting.attending_offices.set(offices)
    meeting.attendance_note = note or ""
    meeting.save(update_fields=["attendance_note", "updated_at"])
    audit_record(
        actor=actor, action=Action.UPDATE, obj=meeting, fields=["attending_offices", "attendance_note"]
    )
    return meeting


@transaction.atomic
def agenda_item_add(*, actor, meeting_id: int, title: str, decision: str = "") -> AgendaItem:
    meeting = access_meeting(actor, meeting_id, for_write=True)
    _refuse_if_approved(meeting)
    title = (title or "").strip()
    if not title:
        raise ApplicationError(_("Enter the agenda item."), field="title")
    position = (
        meeting.agenda_items.order_by("-position").values_list("position", flat=True).first() or 0
    ) + 1
    item = AgendaItem.objects.create(meeting=meeting, position=position, title=title, decision=decision or "")
    audit_record(
        actor=actor, action=Action.CREATE, obj=item, fields=["meeting", "position", "title", "decision"]
    )
    return item


@transaction.atomic
def agenda_item_decide(*, actor, item_id: int, decision: str) -> AgendaItem:
    try:
        item = AgendaItem.objects.get(pk=item_id)
    except AgendaItem.DoesNotExist:
        raise Http404 from None
    meeting = access_meeting(actor, item.meeting_id, for_write=True)
    _refuse_if_approved(meeting)
    item.decision = decision or ""
    item.save(update_fields=["decision"])
    audit_record(actor=actor, action=Action.UPDATE, obj=item, fields=["decision"])
    return item


@transaction.atomic
def meeting_minutes_transition(*, actor, meeting_id: int, to: str, text: str | None = None) -> PanelMeeting:
    """Save the minutes as a draft (to=draft, with text) or approve the draft (to=approved)."""
    meeting = access_meeting(actor, meeting_id, for_write=True)
    transition_check(MINUTES_ALLOWED, meeting.minutes_status, to, field="minutes")
    fields = ["minutes_status", "updated_at"]
    if to == MinutesStatus.DRAFT:
        text = (text or "").strip()
        if not text:
            raise ApplicationError(_("Write the minutes before saving them."), field="minutes")
        meeting.minutes = text
        fields.append("minutes")
    elif to == MinutesStatus.APPROVED:
        meeting.minutes_approved_on = timezone.localdate()
        fields.append("minutes_approved_on")
    old = meeting.minutes_status
    meeting.minutes_status = to
    meeting.save(update_fields=fields)
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=meeting,
        fields=[f for f in fields if f != "updated_at"],
        changes={"minutes_status": (old, to)},
    )
    return meeting


@transaction.atomic
def meeting_document_add(*, actor, meeting_id: int, title: str, upload) -> MeetingDocument:
    meeting = access_meeting(actor, meeting_id, for_write=True)
    content_type = check_upload(upload, field="file")
    document = MeetingDocument(
        meeting=meeting,
        title=(title or "").strip() or upload.name,
        content_type=content_type,
        original_name=upload.name[:255],
        uploaded_by=actor,
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    audit_record(actor=actor, action=Action.CREATE, obj=document, fields=["meeting", "title", "file"])
    return document


# --- member offices' annual reports -----------------------------------------------------


@transaction.atomic
def annual_report_receive(
    *, actor, office: MemberOffice, year: int, received_on: dt.date
) -> OfficeAnnualReport:
    require_office(actor)
    if received_on > timezone.localdate():
        raise ApplicationError(_("The received date cannot be in the future."), field="received_on")
    if OfficeAnnualReport.objects.filter(office=office, year=year).exists():
        raise ApplicationError(_("This office's report for that year is already recorded."), field="year")
    report = OfficeAnnualReport.objects.create(office=office, year=year, received_on=received_on)
    audit_record(actor=actor, action=Action.CREATE, obj=report, fields=["office", "year", "received_on"])
    return report


@transaction.atomic
def annual_report_review(
    *, actor, report_id: int, reviewed_on: dt.date, recommendations: str
) -> OfficeAnnualReport:
    report = access_annual_report(actor, report_id, for_write=True)
    if reviewed_on < report.received_on:
        raise ApplicationError(_("A report cannot be reviewed before it was received."), field="reviewed_on")
    old = report.reviewed_on
    report.reviewed_on = reviewed_on
    report.recommendations = recommendations or ""
    report.save(update_fields=["reviewed_on", "recommendations", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=report,
        fields=["reviewed_on", "recommendations"],
        changes={"reviewed_on": (old, reviewed_on)},
    )
    return report


def meeting_document_read(*, actor, document_id: int) -> MeetingDocument:
    """A meeting document, for download: the read is recorded."""
    document = access_meeting_document(actor, document_id)
    audit_record(actor=actor, action=Action.VIEW, obj=document, fields=["file"])
    return document
