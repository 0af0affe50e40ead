"""Advice requests: intake, audited views, workflow, the thread, notes, outcome, vendor."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed, ValidationFailed
from ethics_office.base.gates import require_office
from ethics_office.base.limits import require_count, require_length
from ethics_office.base.roles import Role, has_role
from ethics_office.base.uploads import check_upload
from ethics_office.base.workflow import status_check, transition_check
from ethics_office.intake.models import Channel
from ethics_office.intake.services import service_request_register
from ethics_office.organisation.duties import acts_as_director, own_matter_refuse
from ethics_office.organisation.models import Person
from ethics_office.organisation.selectors import person_of
from ethics_office.organisation.services import object_permission_grant, object_permission_revoke

from ..models import (
    AdviceAttachment,
    AdviceCategory,
    AdviceMessage,
    AdviceRequest,
    InternalNote,
    Outcome,
    Status,
    VendorRecommendation,
)
from ..permissions import access_advice_request, access_attachment
from ..selectors import HANDLE_PERM, can_handle, is_requester
from ..workflow import ALLOWED, NEEDS_OFFICER, OUTCOME_STATUS, REQUESTER_MAY
from .mail import notify_officer, notify_requester

# Intake categories this app owns: advice, and policy support for departments.
INTAKE_CATEGORIES = ("advice", "standard_setting")


# --- Intake ----------------------------------------------------------------------------


def _checked_files(files) -> list[tuple[object, str]]:
    """Check every file before anything is written, so one bad file saves nothing."""
    files = require_count(files, field="attachments")
    return [(upload, check_upload(upload, field="attachments")) for upload in files]


def category_by_code(code: str | None) -> AdviceCategory | None:
    if not code:
        return None
    try:
        return AdviceCategory.objects.get(code=code, active=True)
    except AdviceCategory.DoesNotExist:
        raise ApplicationError(_("Choose one of the listed categories."), field="category") from None


@transaction.atomic
def _create(
    *,
    actor,
    requester: Person | None,
    intake_category: str,
    category: AdviceCategory | None,
    question: str,
    channel: str,
    received: dt.date | None,
    checked_files,
    entity=None,
    duty_station=None,
    actor_label: str | None = None,
) -> AdviceRequest:
    require_length(question, field="question")
    service_request = service_request_register(
        actor=actor,
        category=intake_category,
        requester=requester,
        channel=channel,
        received=received,
        entity=entity,
        duty_station=duty_station,
    )
    req = AdviceRequest.objects.create(service_request=service_request, category=category, question=question)
    audit_record(
        actor=actor,
        actor_label=actor_label,
        action=Action.CREATE,
        obj=req,
        fields=["service_request", "category", "question"],
    )
    for upload, kind in checked_files:
        _attachment_save(actor=actor, actor_label=actor_label, req=req, upload=upload, kind=kind)
    return req


def _attachment_save(
    *, actor, req: AdviceRequest, upload, kind: str, message=None, actor_label: str | None = None
) -> AdviceAttachment:
    upload.seek(0)
    attachment = AdviceAttachment(
        request=req,
        message=message,
        original_name=upload.name[:255],
        content_type=kind,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    audit_record(
        actor=actor,
        actor_label=actor_label,
        action=Action.CREATE,
        obj=attachment,
        fields=["file", "original_name"],
    )
    return attachment


def advice_request_submit(*, actor, category: str, question: str, files=()) -> AdviceRequest:
    """A staff member asks for advice through the web form."""
    if not has_role(actor, Role.STAFF):
        raise PermissionDenied
    person = person_of(actor)
    if person is None:
        raise ApplicationError(_("Your account is not linked to a staff record; contact the Ethics Office."))
    if not question.strip():
        raise ValidationFailed(_("Write your question."), errors={"question": [_("Write your question.")]})
    cat = category_by_code(category)
    if cat is None:
        raise ValidationFailed(_("Choose a category."), errors={"category": [_("Choose a category.")]})
    checked = _checked_files(files)
    return _create(
        actor=actor,
        requester=person,
        intake_category="advice",
        category=cat,
        question=question.strip(),
        channel=Channel.WEB,
        received=None,
        checked_files=checked,
    )


def advice_request_record(
    *,
    actor,
    requester: Person | None,
    intake_category: str,
    category: str | None,
    question: str,
    channel: str,
    received: dt.date | None = None,
    entity=None,
    duty_station=None,
    files=(),
) -> AdviceRequest:
    """An officer records a request received by phone, e-mail or in person.

    Entity and duty station default to the requester's; the officer may override them.
    """
    require_office(actor)
    if intake_category not in INTAKE_CATEGORIES:
        raise ApplicationError(_("Choose advice or policy support."), field="intake_category")
    cat = category_by_code(category)
    if intake_category == "advice" and cat is None:
        raise ApplicationError(_("Advice requests need a category."), field="category")
    if intake_category == "standard_setting":
        cat = None
    if channel not in Channel.values or channel in (Channel.IMPORT, Channel.ANONYMOUS_WEB):
        raise ApplicationError(_("Choose how the request reached the office."), field="channel")
    checked = _checked_files(files)
    return _create(
        actor=actor,
        requester=requester,
        intake_category=intake_category,
        category=cat,
        question=question.strip(),
        channel=channel,
        received=received,
        checked_files=checked,
        entity=entity,
        duty_station=duty_station,
    )


# --- Views are audited -----------------------------------------------------------------


def advice_request_open(*, actor, pk) -> AdviceRequest:
    """Fetch a request through the gate and record that this person looked at it."""
    req = access_advice_request(actor, pk)
    audit_record(actor=actor, action=Action.VIEW, obj=req)
    return req


def attachment_open(*, actor, pk) -> AdviceAttachment:
    attachment = access_attachment(actor, pk)
    audit_record(actor=actor, action=Action.VIEW, obj=attachment)
    return attachment


# --- Workflow --------------------------------------------------------------------------


def _require_handler(actor, req: AdviceRequest) -> None:
    if not can_handle(actor, req):
        raise PermissionDenied(_("Only the officer assigned to this request, or the Director, may do this."))


def _apply_status(*, actor, req: AdviceRequest, to: str, actor_label: str | None = None) -> None:
    """Check the table and write the new status (the row is already locked)."""
    transition_check(ALLOWED, req.status, to, field="to")
    if to in NEEDS_OFFICER and req.assigned_to_id is None:
        raise TransitionNotAllowed(_("Assign the request to an officer first."))
    old = req.status
    req.status = to
    fields = ["status", "updated_at"]
    now = timezone.now()
    if old == Status.RECEIVED and req.acknowledged_at is None and to != Status.WITHDRAWN:
        req.acknowledged_at = now
        fields.append("acknowledged_at")
    if to == Status.ADVISED:
        req.advised_at = now
        fields.append("advised_at")
    req.save(update_fields=fields)
    audit_record(
        actor=actor,
        actor_label=actor_label,
        action=Action.TRANSITION,
        obj=req,
        fields=["status"],
        changes={"status": (old, to)},
    )


@transaction.atomic
def advice_request_transition(*, actor, request_id, to: str) -> AdviceRequest:
    """The one way a request changes status (besides assignment and outcome, which use it too)."""
    req = access_advice_request(actor, request_id, for_write=True)
    status_check(ALLOWED, to, field="to")
    if is_requester(actor, req) and not can_handle(actor, req):
        if to not in REQUESTER_MAY.get(req.status, set()):
            raise PermissionDenied(_("You may withdraw an open request; the office does the rest."))
    else:
        _require_handler(actor, req)
        if to == Status.ASSIGNED:
            raise TransitionNotAllowed(_("Use assignment to give the request to an officer."))
    _apply_status(actor=actor, req=req, to=to)
    return req


@transaction.atomic
def advice_request_assign(*, actor, request_id, officer) -> AdviceRequest:
    """Give the request to an officer (object permission) — triage or reassignment."""
    req = access_advice_request(actor, request_id, for_write=True)
    requester = req.service_request.requester
    # Nobody designates who handles their own request; the Director's go to the alternate.
    own_matter_refuse(actor, people=[requester], what=_("Assigning this request"))
    director = acts_as_director(actor, people=[requester])
    if not director and not (has_role(actor, Role.OFFICER) and req.assigned_to_id in (None, actor.pk)):
        raise PermissionDenied(_("Only the Director may reassign another officer's request."))
    if officer is None or not has_role(officer, Role.OFFICER, Role.DIRECTOR):
        raise ApplicationError(_("Choose an ethics officer."), field="officer")
    if is_requester(officer, req):
        raise ApplicationError(_("An officer cannot handle their own request."), field="officer")
    previous = req.assigned_to
    if previous is not None and previous.pk == officer.pk:
        return req
    if previous is not None:
        object_permission_revoke(actor=actor, user=previous, perm=HANDLE_PERM, obj=req)
    object_permission_grant(actor=actor, user=officer, perm=HANDLE_PERM, obj=req)
    req.assigned_to = officer
    req.save(update_fields=["assigned_to", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=req,
        fields=["assigned_to"],
        changes={"assigned_to": (previous.get_username() if previous else None, officer.get_username())},
    )
    if req.status in (Status.RECEIVED, Status.WITHDRAWN) and Status.ASSIGNED in ALLOWED[req.status]:
        _apply_status(actor=actor, req=req, to=Status.ASSIGNED)
    return req


# --- The thread, notes, outcome --------------------------------------------------------


@transaction.atomic
def advice_message_post(*, actor, request_id, body: str, files=()) -> AdviceMessage:
    """A message in the thread. The office's replies tell the requester by e-mail (never the content)."""
    req = access_advice_request(actor, request_id, for_write=True)
    body = require_length((body or "").strip(), field="body")
    if not body:
        raise ApplicationError(_("Write a message."), field="body")
    requester = is_requester(actor, req)
    if not requester:
        _require_handler(actor, req)
    elif req.status in (Status.CLOSED, Status.WITHDRAWN):
        raise ApplicationError(_("This request is closed; ask a new question instead."), field="body")
    checked = _checked_files(files)
    message = AdviceMessage.objects.create(request=req, author=actor, from_office=not requester, body=body)
    audit_record(actor=actor, action=Action.CREATE, obj=message, fields=["body"])
    for upload, kind in checked:
        _attachment_save(actor=actor, req=req, upload=upload, kind=kind, message=message)
    if requester:
        _mark_requester_wrote(actor=actor, req=req)
        notify_officer(req, cause=f"message-{message.pk}")
    else:
        fields = ["updated_at"]
        if req.acknowledged_at is None:
            req.acknowledged_at = timezone.now()
            fields.append("acknowledged_at")
        if req.requester_wrote_at is not None:  # the office has answered: the queue's mark goes
            req.requester_wrote_at = None
            fields.append("requester_wrote_at")
        if len(fields) > 1:
            req.save(update_fields=fields)
        notify_requester(req, cause=f"message-{message.pk}")
    return message


def _mark_requester_wrote(*, actor, req: AdviceRequest) -> None:
    """The requester wrote: the queue marks the request and a paused request moves on again."""
    req.requester_wrote_at = timezone.now()
    req.save(update_fields=["requester_wrote_at", "updated_at"])
    if req.status == Status.AWAITING_REQUESTER:
        label = "anonymous" if actor is None else None
        _apply_status(actor=actor, req=req, to=Status.IN_PROGRESS, actor_label=label)


@transaction.atomic
def internal_note_add(*, actor, request_id, body: str) -> InternalNote:
    req = access_advice_request(actor, request_id, for_write=True)
    _require_handler(actor, req)
    body = require_length((body or "").strip(), field="body")
    if not body:
        raise ApplicationError(_("Write the note."), field="body")
    note = InternalNote.objects.create(request=req, author=actor, body=body)
    audit_record(actor=actor, action=Action.CREATE, obj=note, fields=["body"])
    return note


@transaction.atomic
def advice_request_conclude(
    *, actor, request_id, outcome: str, advice: str = "", referred_to: str = ""
) -> AdviceRequest:
    """Record the advice given and the outcome; the requester is told an answer waits."""
    req = access_advice_request(actor, request_id, for_write=True)
    _require_handler(actor, req)
    if outcome not in Outcome.values:
        raise ApplicationError(_("Choose an outcome."), field="outcome")
    advice = (advice or "").strip()
    referred_to = (referred_to or "").strip()
    if outcome == Outcome.ADVISED and not advice:
        raise ApplicationError(_("Write the advice given."), field="advice")
    if outcome == Outcome.REFERRED and not referred_to:
        raise ApplicationError(_("Say to whom the request was referred."), field="referred_to")
    old_outcome = req.outcome
    req.outcome = outcome
    req.advice = advice
    req.referred_to = referred_to if outcome == Outcome.REFERRED else ""
    req.save(update_fields=["outcome", "advice", "referred_to", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=req,
        fields=["outcome", "advice", "referred_to"],
        changes={"outcome": (old_outcome or None, outcome)},
    )
    target = OUTCOME_STATUS[outcome]
    if req.status != target:
        _apply_status(actor=actor, req=req, to=target)
    if outcome != Outcome.WITHDRAWN:
        notify_requester(req, cause=f"outcome-{req.updated_at.isoformat()}")
    return req


@transaction.atomic
def advice_request_vendor_set(
    *, actor, request_id, vendor_name: str, recommendation: str, note: str = ""
) -> AdviceRequest:
    """Procurement ethics: the vendor concerned and the office's recommendation."""
    req = access_advice_request(actor, request_id, for_write=True)
    _require_handler(actor, req)
    if recommendation and recommendation not in VendorRecommendation.values:
        raise ApplicationError(_("Choose a recommendation."), field="recommendation")
    old = req.vendor_recommendation
    req.vendor_name = (vendor_name or "").strip()[:200]
    req.vendor_recommendation = recommendation or ""
    req.vendor_note = (note or "").strip()
    req.save(update_fields=["vendor_name", "vendor_recommendation", "vendor_note", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=req,
        fields=["vendor_name", "vendor_recommendation", "vendor_note"],
        changes={"vendor_recommendation": (old or None, recommendation or None)},
    )
    return req
