"""Every write on retaliation cases: keyword-only, atomic, audited.

Audit events name the fields that changed and carry old → new values only for statuses,
outcomes and assignments, never case content.
"""

import datetime as dt

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.core.errors import ApplicationError, TransitionNotAllowed, ValidationFailed
from ethics_office.core.uploads import check_upload
from ethics_office.intake.models import Channel
from ethics_office.intake.services import service_request_register
from ethics_office.organisation.models import Person
from ethics_office.organisation.roles import Role, has_role
from ethics_office.organisation.selectors import person_of
from ethics_office.organisation.services import object_permission_grant

from . import clock
from .letters import render_letter
from .models import (
    COMPLAINANT_LETTERS,
    CaseNote,
    ClockPause,
    ClosureReason,
    CorrectiveMeasure,
    Evidence,
    InquiryKind,
    InterimMeasure,
    InvestigationBody,
    Letter,
    LetterFormat,
    LetterKind,
    MeasureType,
    PanelReviewRequest,
    ProtectedActivity,
    ReferralBody,
    RetaliationInquiry,
    RetaliatoryAction,
    ReviewOutcome,
)
from .permissions import access_own_retaliation_inquiry, access_retaliation_inquiry
from .selectors import HANDLE_PERM, officers_assigned_to
from .workflow import ALLOWED, Status

INVESTIGATION_DAYS = 120


# --- the one transition function ---------------------------------------------------------


def inquiry_transition(*, actor, inquiry: RetaliationInquiry, to: str, also: tuple[str, ...] = ()) -> None:
    """Move a locked inquiry to `to` if the table allows it; save status plus `also`; audit."""
    if to not in ALLOWED.get(inquiry.status, set()):
        raise TransitionNotAllowed(
            _("A case that is “%(s)s” cannot become “%(t)s”.")
            % {"s": Status(inquiry.status).label, "t": Status(to).label}
        )
    old, inquiry.status = inquiry.status, to
    inquiry.save(update_fields=["status", "updated_at", *also])
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=inquiry,
        fields=["status", *also],
        changes={"status": (old, to)},
    )


# --- intake ------------------------------------------------------------------------------


def _check_actions(actions: list[dict]) -> list[dict]:
    cleaned = []
    for item in actions:
        if not (item.get("occurred_on") or item.get("taken_by") or item.get("description")):
            continue
        if not (item.get("occurred_on") and item.get("taken_by") and item.get("description")):
            raise ValidationFailed(
                _("Each retaliatory action needs its date, who took it and what was done."),
                errors={
                    "actions": [_("Each retaliatory action needs its date, who took it and what was done.")]
                },
            )
        if item["occurred_on"] > timezone.localdate():
            raise ApplicationError(_("An action cannot be dated in the future."), field="actions")
        cleaned.append(item)
    if not cleaned:
        raise ApplicationError(_("Describe at least one retaliatory action."), field="actions")
    return cleaned


def _inquiry_create(
    *,
    actor,
    requester,
    channel,
    received,
    protected_activity,
    reported_to,
    reported_on,
    narrative,
    actions,
    files,
) -> RetaliationInquiry:
    if protected_activity not in ProtectedActivity.values:
        raise ApplicationError(_("Choose the protected activity."), field="protected_activity")
    if not (narrative or "").strip():
        raise ApplicationError(_("Tell us what happened."), field="narrative")
    if reported_on and reported_on > timezone.localdate():
        raise ApplicationError(_("The date reported cannot be in the future."), field="reported_on")
    actions = _check_actions(actions)
    for upload in files:
        check_upload(upload, field="evidence")
    register = service_request_register(
        actor=actor, category="retaliation", requester=requester, channel=channel, received=received
    )
    inquiry = RetaliationInquiry.objects.create(
        service_request=register,
        status=Status.RECEIVED,
        protected_activity=protected_activity,
        reported_to=(reported_to or "").strip()[:200],
        reported_on=reported_on,
        narrative=narrative.strip(),
    )
    RetaliatoryAction.objects.bulk_create(
        RetaliatoryAction(
            inquiry=inquiry,
            occurred_on=item["occurred_on"],
            taken_by=item["taken_by"].strip()[:200],
            description=item["description"].strip(),
        )
        for item in actions
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=inquiry,
        fields=[
            "service_request",
            "protected_activity",
            "reported_to",
            "reported_on",
            "narrative",
            "actions",
        ],
        changes={"status": (None, inquiry.status)},
    )
    for upload in files:
        _evidence_store(actor=actor, inquiry=inquiry, upload=upload)
    return inquiry


@transaction.atomic
def inquiry_request(
    *,
    actor,
    protected_activity: str,
    reported_to: str,
    reported_on: dt.date | None,
    narrative: str,
    actions: list[dict],
    files=(),
) -> RetaliationInquiry:
    """A staff member asks for protection for themself (web form or API)."""
    requester = person_of(actor)
    if requester is None:
        raise ApplicationError(_("Your account is not linked to a staff record; contact the Ethics Office."))
    return _inquiry_create(
        actor=actor,
        requester=requester,
        channel=Channel.WEB,
        received=None,
        protected_activity=protected_activity,
        reported_to=reported_to,
        reported_on=reported_on,
        narrative=narrative,
        actions=actions,
        files=list(files),
    )


@transaction.atomic
def inquiry_record(
    *,
    actor,
    requester: Person,
    channel: str,
    received: dt.date | None,
    protected_activity: str,
    reported_to: str,
    reported_on: dt.date | None,
    narrative: str,
    actions: list[dict],
    files=(),
) -> RetaliationInquiry:
    """An officer records an inquiry received by e-mail, telephone or in person.

    The recording officer is assigned to the case (otherwise they could not see what they
    just recorded); the Director can assign others.
    """
    if not has_role(actor, Role.OFFICER, Role.DIRECTOR):
        raise ApplicationError(_("Only the Ethics Office records inquiries for others."))
    inquiry = _inquiry_create(
        actor=actor,
        requester=requester,
        channel=channel,
        received=received,
        protected_activity=protected_activity,
        reported_to=reported_to,
        reported_on=reported_on,
        narrative=narrative,
        actions=actions,
        files=list(files),
    )
    if not has_role(actor, Role.DIRECTOR):
        object_permission_grant(actor=actor, user=actor, perm=HANDLE_PERM, obj=inquiry)
    return inquiry


def _evidence_store(*, actor, inquiry, upload) -> Evidence:
    content_type = check_upload(upload, field="evidence")
    evidence = Evidence(
        inquiry=inquiry, original_name=upload.name[:255], content_type=content_type, uploaded_by=actor
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    audit_record(actor=actor, action=Action.CREATE, obj=evidence, fields=["file", "original_name"])
    return evidence


@transaction.atomic
def evidence_add(*, actor, inquiry_id, upload, as_complainant: bool = False) -> Evidence:
    """Attach evidence: the office to a case it handles, the complainant to their own open case."""
    if as_complainant:
        inquiry = access_own_retaliation_inquiry(actor, inquiry_id, for_write=True)
        if inquiry.status == Status.CLOSED:
            raise ApplicationError(_("This case is closed."), field="evidence")
    else:
        inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    return _evidence_store(actor=actor, inquiry=inquiry, upload=upload)


@transaction.atomic
def retaliatory_action_add(
    *, actor, inquiry_id, occurred_on: dt.date, taken_by: str, description: str
) -> RetaliatoryAction:
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    (item,) = _check_actions([{"occurred_on": occurred_on, "taken_by": taken_by, "description": description}])
    action = RetaliatoryAction.objects.create(
        inquiry=inquiry,
        occurred_on=item["occurred_on"],
        taken_by=item["taken_by"].strip()[:200],
        description=item["description"].strip(),
    )
    audit_record(
        actor=actor, action=Action.CREATE, obj=action, fields=["occurred_on", "taken_by", "description"]
    )
    return action


# --- assignment, viewing, notes ------------------------------------------------------------


@transaction.atomic
def inquiry_assign(*, actor, inquiry_id, officer) -> RetaliationInquiry:
    """Only the Director assigns an officer; the officer then sees the case."""
    if not has_role(actor, Role.DIRECTOR):
        raise ApplicationError(_("Only the Director assigns retaliation cases."))
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if not has_role(officer, Role.OFFICER):
        raise ApplicationError(_("Cases are assigned to ethics officers."), field="officer")
    requester = inquiry.service_request.requester
    if requester is not None and requester.user_id == officer.pk:
        raise ApplicationError(_("An officer cannot handle their own complaint."), field="officer")
    object_permission_grant(actor=actor, user=officer, perm=HANDLE_PERM, obj=inquiry)
    return inquiry


def inquiry_view_record(*, actor, inquiry, what: str = "case") -> None:
    """Every look at a case leaves a trace (who, when, which case)."""
    audit_record(actor=actor, action=Action.VIEW, obj=inquiry, fields=[what])


@transaction.atomic
def case_note_add(*, actor, inquiry_id, text: str) -> CaseNote:
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if not (text or "").strip():
        raise ApplicationError(_("The note is empty."), field="text")
    note = CaseNote.objects.create(inquiry=inquiry, author=actor, text=text.strip())
    audit_record(actor=actor, action=Action.CREATE, obj=note, fields=["text"])
    return note


# --- letters -------------------------------------------------------------------------------


def _letter_generate(*, actor, inquiry, kind: str, fmt: str) -> Letter:
    if fmt not in LetterFormat.values:
        raise ApplicationError(_("Choose PDF or Word."), field="letter_format")
    data = render_letter(inquiry, kind, fmt)
    letter = Letter(inquiry=inquiry, kind=kind, format=fmt, to_complainant=kind in COMPLAINANT_LETTERS)
    letter.created_by = actor
    letter.file.save(f"{kind}.{fmt}", ContentFile(data), save=False)
    letter.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=letter,
        fields=["kind", "format", "file"],
        changes={"kind": (None, kind)},
    )
    return letter


@transaction.atomic
def letter_generate(*, actor, inquiry_id, kind: str, fmt: str = LetterFormat.PDF) -> Letter:
    """(Re)generate a letter for the case, e.g. in the other format."""
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if kind not in LetterKind.values:
        raise ApplicationError(_("Unknown letter."), field="kind")
    # Only a letter the case has already produced can be produced again (e.g. in Word):
    # the letters follow the decisions, they do not make them.
    if not inquiry.letters.filter(kind=kind).exists():
        raise ApplicationError(_("This case has no such letter yet."), field="kind")
    return _letter_generate(actor=actor, inquiry=inquiry, kind=kind, fmt=fmt)


# --- classification ------------------------------------------------------------------------


@transaction.atomic
def inquiry_classify(
    *,
    actor,
    inquiry_id,
    kind: str,
    referred_to: str = "",
    referred_to_other: str = "",
    letter_format: str = LetterFormat.PDF,
    on: dt.date | None = None,
) -> RetaliationInquiry:
    """Classify a received inquiry. A request for protection opens the preliminary review and
    starts its clock; the other kinds close the inquiry (outside the mandate with a referral letter)."""
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    on = on or timezone.localdate()
    if kind not in InquiryKind.values or kind == InquiryKind.UNCLASSIFIED:
        raise ApplicationError(_("Choose a classification."), field="kind")
    if inquiry.status != Status.RECEIVED:
        raise TransitionNotAllowed(_("This inquiry has already been classified."))
    if kind == InquiryKind.OUTSIDE_MANDATE:
        if referred_to not in ReferralBody.values:
            raise ApplicationError(_("Choose the office the matter is referred to."), field="referred_to")
        if referred_to == ReferralBody.OTHER and not referred_to_other.strip():
            raise ApplicationError(_("Name the other office."), field="referred_to_other")
    old_kind = inquiry.kind
    inquiry.kind = kind
    inquiry.classified_on = on
    also = ["kind", "classified_on"]
    if kind == InquiryKind.OUTSIDE_MANDATE:
        inquiry.referred_to = referred_to
        inquiry.referred_to_other = (
            referred_to_other.strip()[:200] if referred_to == ReferralBody.OTHER else ""
        )
        also += ["referred_to", "referred_to_other"]
    if kind == InquiryKind.PROTECTION_REQUEST:
        inquiry.review_started = on
        also.append("review_started")
        to = Status.UNDER_REVIEW
    else:
        to = Status.CLOSED
    audit_record(
        actor=actor, action=Action.UPDATE, obj=inquiry, fields=["kind"], changes={"kind": (old_kind, kind)}
    )
    inquiry_transition(actor=actor, inquiry=inquiry, to=to, also=tuple(also))
    if kind == InquiryKind.OUTSIDE_MANDATE:
        _letter_generate(actor=actor, inquiry=inquiry, kind=LetterKind.REFERRAL, fmt=letter_format)
    return inquiry


# --- the preliminary review and its clock ----------------------------------------------------


@transaction.atomic
def review_pause(*, actor, inquiry_id, reason: str, on: dt.date | None = None) -> ClockPause:
    """Stop the clock while information from the complainant is awaited."""
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    on = on or timezone.localdate()
    if inquiry.status != Status.UNDER_REVIEW:
        raise TransitionNotAllowed(_("Only a running review can be paused."))
    if on < inquiry.review_started:
        raise ApplicationError(_("A pause cannot start before the review opened."), field="on")
    pause = ClockPause.objects.create(inquiry=inquiry, started=on, reason=(reason or "").strip())
    inquiry.review_paused_since = on
    audit_record(actor=actor, action=Action.CREATE, obj=pause, fields=["started", "reason"])
    inquiry_transition(actor=actor, inquiry=inquiry, to=Status.PAUSED, also=("review_paused_since",))
    return pause


def _pause_end(*, actor, inquiry, on: dt.date) -> None:
    pause = inquiry.pauses.select_for_update().get(ended__isnull=True)
    if on < pause.started:
        raise ApplicationError(_("The clock cannot resume before it was paused."), field="on")
    pause.ended = on
    pause.save(update_fields=["ended"])
    inquiry.review_paused_days += (on - pause.started).days
    inquiry.review_paused_since = None
    audit_record(actor=actor, action=Action.UPDATE, obj=pause, fields=["ended"])


@transaction.atomic
def review_resume(*, actor, inquiry_id, on: dt.date | None = None) -> RetaliationInquiry:
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    on = on or timezone.localdate()
    if inquiry.status != Status.PAUSED:
        raise TransitionNotAllowed(_("The clock is not paused."))
    _pause_end(actor=actor, inquiry=inquiry, on=on)
    inquiry_transition(
        actor=actor,
        inquiry=inquiry,
        to=Status.UNDER_REVIEW,
        also=("review_paused_days", "review_paused_since"),
    )
    return inquiry


@transaction.atomic
def review_complete(
    *,
    actor,
    inquiry_id,
    outcome: str,
    protected_activity_found: bool | None = None,
    protected_activity_reasoning: str = "",
    contributing_factor_found: bool | None = None,
    contributing_factor_reasoning: str = "",
    closure_reason: str = "",
    investigation_body: str = InvestigationBody.OIOS,
    investigation_body_name: str = "",
    letter_format: str = LetterFormat.PDF,
    on: dt.date | None = None,
) -> RetaliationInquiry:
    """Record the two tests with their reasoning and the outcome; notify the complainant by letter.

    Prima facie (both tests met) refers the case for investigation with a referral memo;
    no prima facie needs a test not met; closed needs the reason.
    """
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    on = on or timezone.localdate()
    if inquiry.status not in (Status.UNDER_REVIEW, Status.PAUSED):
        raise TransitionNotAllowed(_("There is no preliminary review in progress."))
    errors: dict[str, list[str]] = {}
    if outcome not in (ReviewOutcome.PRIMA_FACIE, ReviewOutcome.NO_PRIMA_FACIE, ReviewOutcome.CLOSED):
        errors["outcome"] = [_("Choose the outcome of the review.")]
    if outcome in (ReviewOutcome.PRIMA_FACIE, ReviewOutcome.NO_PRIMA_FACIE):
        for found, reasoning, name in (
            (protected_activity_found, protected_activity_reasoning, "protected_activity"),
            (contributing_factor_found, contributing_factor_reasoning, "contributing_factor"),
        ):
            if found is None:
                errors[f"{name}_found"] = [_("Record the conclusion on this test.")]
            if not (reasoning or "").strip():
                errors[f"{name}_reasoning"] = [_("Give the reasoning for this test.")]
    if outcome == ReviewOutcome.PRIMA_FACIE and False in (
        protected_activity_found,
        contributing_factor_found,
    ):
        errors["outcome"] = [_("A prima facie case needs both tests met.")]
    if outcome == ReviewOutcome.NO_PRIMA_FACIE and protected_activity_found and contributing_factor_found:
        errors["outcome"] = [_("Both tests are met: that is a prima facie case.")]
    if outcome == ReviewOutcome.CLOSED and closure_reason not in ClosureReason.values:
        errors["closure_reason"] = [_("Say why the review is closed.")]
    if outcome == ReviewOutcome.PRIMA_FACIE:
        if investigation_body not in InvestigationBody.values:
            errors["investigation_body"] = [_("Choose who investigates.")]
        elif investigation_body == InvestigationBody.ALTERNATIVE and not investigation_body_name.strip():
            errors["investigation_body_name"] = [_("Name the alternative mechanism.")]
    if letter_format not in LetterFormat.values:
        errors["letter_format"] = [_("Choose PDF or Word.")]
    if errors:
        raise ValidationFailed(_("The review cannot be recorded yet."), errors=errors)

    also = ["review_outcome", "review_completed", "protected_activity_found", "protected_activity_reasoning",
            "contributing_factor_found", "contributing_factor_reasoning"]  # fmt: skip
    if inquiry.status == Status.PAUSED:
        _pause_end(actor=actor, inquiry=inquiry, on=on)
        also += ["review_paused_days", "review_paused_since"]
    old_outcome = inquiry.review_outcome
    inquiry.review_outcome = outcome
    inquiry.review_completed = on
    inquiry.protected_activity_found = protected_activity_found
    inquiry.protected_activity_reasoning = (protected_activity_reasoning or "").strip()
    inquiry.contributing_factor_found = contributing_factor_found
    inquiry.contributing_factor_reasoning = (contributing_factor_reasoning or "").strip()
    if outcome == ReviewOutcome.PRIMA_FACIE:
        inquiry.investigation_body = investigation_body
        inquiry.investigation_body_name = (
            investigation_body_name.strip()[:200]
            if investigation_body == InvestigationBody.ALTERNATIVE
            else ""
        )
        inquiry.investigation_referred = on
        inquiry.investigation_expected = on + dt.timedelta(days=INVESTIGATION_DAYS)
        also += [
            "investigation_body",
            "investigation_body_name",
            "investigation_referred",
            "investigation_expected",
        ]
        to = Status.REFERRED
    else:
        if outcome == ReviewOutcome.CLOSED:
            inquiry.closure_reason = closure_reason
            also.append("closure_reason")
        to = Status.CLOSED
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=inquiry,
        fields=also,
        changes={"review_outcome": (old_outcome, outcome)},
    )
    # A paused review resumes in the same breath so the table, not the service, decides.
    if inquiry.status == Status.PAUSED:
        inquiry_transition(actor=actor, inquiry=inquiry, to=Status.UNDER_REVIEW)
    inquiry_transition(actor=actor, inquiry=inquiry, to=to, also=tuple(also))
    _letter_generate(actor=actor, inquiry=inquiry, kind=LetterKind.REVIEW_OUTCOME, fmt=letter_format)
    if outcome == ReviewOutcome.PRIMA_FACIE:
        _letter_generate(actor=actor, inquiry=inquiry, kind=LetterKind.REFERRAL_MEMO, fmt=letter_format)
    return inquiry


# --- interim measures -------------------------------------------------------------------------


@transaction.atomic
def interim_measure_recommend(
    *,
    actor,
    inquiry_id,
    measure: str,
    complainant_consent: bool,
    sent_to: str,
    sent_on: dt.date | None = None,
) -> InterimMeasure:
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if inquiry.status == Status.CLOSED:
        raise ApplicationError(_("This case is closed."))
    if measure not in MeasureType.values:
        raise ApplicationError(_("Choose the measure."), field="measure")
    if not (sent_to or "").strip():
        raise ApplicationError(_("Say to whom the recommendation was sent."), field="sent_to")
    sent_on = sent_on or timezone.localdate()
    if sent_on > timezone.localdate():
        raise ApplicationError(_("The date sent cannot be in the future."), field="sent_on")
    item = InterimMeasure.objects.create(
        inquiry=inquiry,
        measure=measure,
        complainant_consent=complainant_consent,
        sent_to=sent_to.strip()[:200],
        sent_on=sent_on,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=item,
        fields=["measure", "complainant_consent", "sent_to", "sent_on"],
        changes={"measure": (None, measure)},
    )
    return item


@transaction.atomic
def interim_measure_record_implementation(
    *, actor, inquiry_id, measure_id, implemented: bool, implemented_on: dt.date | None = None
) -> InterimMeasure:
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    try:
        item = inquiry.interim_measures.select_for_update().get(pk=measure_id)
    except (InterimMeasure.DoesNotExist, ValueError):
        raise ApplicationError(_("No such measure on this case."), field="measure") from None
    if implemented and not implemented_on:
        implemented_on = timezone.localdate()
    if implemented_on and implemented_on < item.sent_on:
        raise ApplicationError(
            _("A measure cannot be implemented before it was recommended."), field="implemented_on"
        )
    old = item.implemented
    item.implemented = implemented
    item.implemented_on = implemented_on if implemented else None
    item.save(update_fields=["implemented", "implemented_on"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=item,
        fields=["implemented", "implemented_on"],
        changes={"implemented": (old, implemented)},
    )
    return item


# --- investigation and determination ------------------------------------------------------------


@transaction.atomic
def investigation_report_receive(*, actor, inquiry_id, received: dt.date | None = None) -> RetaliationInquiry:
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    received = received or timezone.localdate()
    if inquiry.status != Status.REFERRED:
        raise TransitionNotAllowed(_("The case is not with investigators."))
    if received > timezone.localdate() or (
        inquiry.investigation_referred and received < inquiry.investigation_referred
    ):
        raise ApplicationError(_("The report date must be between the referral and today."), field="received")
    inquiry.investigation_completed = received
    inquiry_transition(
        actor=actor, inquiry=inquiry, to=Status.DETERMINATION, also=("investigation_completed",)
    )
    return inquiry


@transaction.atomic
def determination_make(
    *,
    actor,
    inquiry_id,
    established: bool,
    reasoning: str,
    letter_format: str = LetterFormat.PDF,
    on: dt.date | None = None,
) -> RetaliationInquiry:
    """The Director's final determination; the complainant gets a letter."""
    if not has_role(actor, Role.DIRECTOR):
        raise ApplicationError(_("Only the Director makes the final determination."))
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if inquiry.status != Status.DETERMINATION:
        raise TransitionNotAllowed(_("The determination follows the investigation report."))
    if not (reasoning or "").strip():
        raise ApplicationError(_("Give the reasons for the determination."), field="reasoning")
    inquiry.retaliation_established = bool(established)
    inquiry.determination_reasoning = reasoning.strip()
    inquiry.determined_on = on or timezone.localdate()
    also = ("retaliation_established", "determination_reasoning", "determined_on")
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=inquiry,
        fields=list(also),
        changes={"retaliation_established": (None, inquiry.retaliation_established)},
    )
    to = Status.CORRECTIVE if established else Status.CLOSED
    inquiry_transition(actor=actor, inquiry=inquiry, to=to, also=also)
    _letter_generate(actor=actor, inquiry=inquiry, kind=LetterKind.DETERMINATION, fmt=letter_format)
    return inquiry


@transaction.atomic
def corrective_measure_recommend(
    *, actor, inquiry_id, description: str, recommended_on: dt.date | None = None
) -> CorrectiveMeasure:
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if inquiry.status != Status.CORRECTIVE:
        raise ApplicationError(
            _("Corrective measures follow a determination that retaliation was established.")
        )
    if not (description or "").strip():
        raise ApplicationError(_("Describe the measure."), field="description")
    item = CorrectiveMeasure.objects.create(
        inquiry=inquiry,
        description=description.strip(),
        recommended_on=recommended_on or timezone.localdate(),
    )
    audit_record(actor=actor, action=Action.CREATE, obj=item, fields=["description", "recommended_on"])
    return item


@transaction.atomic
def corrective_measure_implement(
    *, actor, inquiry_id, measure_id, implemented_on: dt.date | None = None
) -> CorrectiveMeasure:
    """Record a measure as implemented; when the last one is, the case closes."""
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    try:
        item = inquiry.corrective_measures.select_for_update().get(pk=measure_id)
    except (CorrectiveMeasure.DoesNotExist, ValueError):
        raise ApplicationError(_("No such measure on this case."), field="measure") from None
    if item.implemented_on:
        raise ApplicationError(_("This measure is already implemented."))
    item.implemented_on = implemented_on or timezone.localdate()
    item.save(update_fields=["implemented_on"])
    audit_record(actor=actor, action=Action.UPDATE, obj=item, fields=["implemented_on"])
    if (
        inquiry.status == Status.CORRECTIVE
        and not inquiry.corrective_measures.filter(implemented_on__isnull=True).exists()
    ):
        inquiry_transition(actor=actor, inquiry=inquiry, to=Status.CLOSED)
    return item


@transaction.atomic
def panel_review_request(*, actor, inquiry_id, reasons: str = "") -> PanelReviewRequest:
    """The complainant asks the Ethics Panel chair to review the determination (or a no-prima-facie finding).

    This opens a consultation in the panel app; the request is recorded here either way.
    """
    inquiry = access_own_retaliation_inquiry(actor, inquiry_id, for_write=True)
    reviewable = (
        inquiry.retaliation_established is not None or inquiry.review_outcome == ReviewOutcome.NO_PRIMA_FACIE
    )
    if not reviewable:
        raise ApplicationError(_("There is no determination to review yet."))
    if PanelReviewRequest.objects.filter(inquiry=inquiry).exists():
        raise ApplicationError(_("You have already asked for a review."))
    request = PanelReviewRequest.objects.create(
        inquiry=inquiry, requested_on=timezone.localdate(), reasons=(reasons or "").strip()
    )
    ref = inquiry.service_request.ref
    try:
        from panel.services import consultation_open
    except ImportError:  # the panel app is not there yet: the recorded request is the record
        consultation_open = None
    if consultation_open is not None:
        consultation = consultation_open(
            actor=actor,
            kind="determination_review",
            title=_("Review of a retaliation determination (%(ref)s)") % {"ref": ref},
            source_app="retaliation",
            source_ref=ref,
            summary=_(
                "The complainant asks the Chair of the Ethics Panel to review the outcome of case %(ref)s."
            )
            % {"ref": ref},
        )
        request.consultation_ref = getattr(consultation, "ref", "")[:30]
        request.save(update_fields=["consultation_ref"])
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=request,
        fields=["requested_on", "reasons", "consultation_ref"],
        changes={"consultation_ref": (None, request.consultation_ref or None)},
    )
    return request


# --- clock alerts --------------------------------------------------------------------------------


def _alert_send(inquiry, *, subject: str, body: str) -> int:
    recipients = [u.email for u in officers_assigned_to(inquiry) if u.email]
    if not recipients:
        return 0
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return len(recipients)


@transaction.atomic
def clock_alerts_send(*, today: dt.date | None = None) -> int:
    """E-mail the assigned officers of each running review once at day 30 and once at the deadline.

    The sent time is recorded on the case so a second run sends nothing new. The e-mail names
    only the reference and the deadline, never case content.
    """
    today = today or timezone.localdate()
    sent = 0
    running = (
        RetaliationInquiry.objects.select_for_update(of=("self",), skip_locked=True)
        .select_related("service_request")
        .filter(status=Status.UNDER_REVIEW, review_started__isnull=False)
        .filter(Q(first_alert_sent_at__isnull=True) | Q(deadline_alert_sent_at__isnull=True))
    )
    for inquiry in running:
        deadline = inquiry.review_deadline(today)
        elapsed = inquiry.days_elapsed(today)
        ref = inquiry.service_request.ref
        link = f"{settings.SITE_URL}/retaliation/{inquiry.pk}/"
        fields = []
        if inquiry.deadline_alert_sent_at is None and today >= deadline:
            sent += _alert_send(
                inquiry,
                subject=_("Preliminary review %(ref)s: the deadline is today or passed") % {"ref": ref},
                body=_("The deadline of preliminary review %(ref)s was %(deadline)s. %(link)s")
                % {"ref": ref, "deadline": deadline.isoformat(), "link": link},
            )
            inquiry.deadline_alert_sent_at = timezone.now()
            fields.append("deadline_alert_sent_at")
            if inquiry.first_alert_sent_at is None:  # the day-30 mark passed too; one e-mail is enough
                inquiry.first_alert_sent_at = inquiry.deadline_alert_sent_at
                fields.append("first_alert_sent_at")
        elif inquiry.first_alert_sent_at is None and elapsed >= clock.first_alert_day():
            sent += _alert_send(
                inquiry,
                subject=_("Preliminary review %(ref)s: day %(day)s of the clock")
                % {"ref": ref, "day": elapsed},
                body=_("Preliminary review %(ref)s is at day %(day)s; the deadline is %(deadline)s. %(link)s")
                % {"ref": ref, "day": elapsed, "deadline": deadline.isoformat(), "link": link},
            )
            inquiry.first_alert_sent_at = timezone.now()
            fields.append("first_alert_sent_at")
        if fields:
            inquiry.save(update_fields=[*fields, "updated_at"])
            audit_record(
                actor=None, action=Action.SEND, obj=inquiry, fields=fields, actor_label="clock alerts"
            )
    return sent
