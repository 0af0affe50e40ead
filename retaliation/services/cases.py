"""Intake, assignment, views, notes, letters and classification of retaliation cases."""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed, ValidationFailed
from ethics_office.base.limits import LINE_MAX, require_count, require_length
from ethics_office.base.mail import in_language_of
from ethics_office.base.roles import Role, has_role
from ethics_office.base.uploads import check_upload
from ethics_office.base.workflow import transition_check
from ethics_office.intake.models import Channel
from ethics_office.intake.services import service_request_register
from ethics_office.organisation.duties import acts_as_director
from ethics_office.organisation.models import Person
from ethics_office.organisation.selectors import person_of
from ethics_office.organisation.services import object_permission_grant, object_permission_revoke

from ..letters import render_letter
from ..models import (
    COMPLAINANT_LETTERS,
    CaseNote,
    Evidence,
    InquiryKind,
    Letter,
    LetterFormat,
    LetterKind,
    ProtectedActivity,
    ReferralBody,
    RetaliationInquiry,
    RetaliatoryAction,
    ReviewOutcome,
    Status,
)
from ..permissions import access_case_or_own, access_own_retaliation_inquiry, access_retaliation_inquiry
from ..selectors import (
    HANDLE_PERM,
    case_letters,
    complainant_letters,
    is_triage_officer,
    officers_assigned_to,
    people_concerned,
)
from ..workflow import ALLOWED
from .thread import new_request_notify

# --- the one transition function ---------------------------------------------------------


def inquiry_transition(*, actor, inquiry: RetaliationInquiry, to: str, also: tuple[str, ...] = ()) -> None:
    """Move a locked inquiry to `to` if the table allows it; save status plus `also`; audit."""
    transition_check(ALLOWED, inquiry.status, to)
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
    for item in require_count(actions, field="actions"):
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
        require_length(item["taken_by"], field="actions", limit=LINE_MAX)
        require_length(item["description"], field="actions")
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
    require_length(narrative, field="narrative")
    require_length(reported_to, field="reported_to", limit=LINE_MAX)
    require_count(files, field="evidence")
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
    new_request_notify(inquiry)
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
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if not acts_as_director(actor, people=people_concerned(inquiry)):
        raise ApplicationError(_("Only the Director assigns retaliation cases."))
    if not has_role(officer, Role.OFFICER):
        raise ApplicationError(_("Cases are assigned to ethics officers."), field="officer")
    if any(p is not None and p.user_id == officer.pk for p in people_concerned(inquiry)):
        raise ApplicationError(_("An officer cannot handle a case that concerns them."), field="officer")
    object_permission_grant(actor=actor, user=officer, perm=HANDLE_PERM, obj=inquiry)
    return inquiry


@transaction.atomic
def inquiry_named_people_set(*, actor, inquiry_id, people) -> RetaliationInquiry:
    """The office records who is named as responsible: from then on they never see or handle the case."""
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    people = list(people)
    old = sorted(inquiry.named_people.values_list("index_number", flat=True))
    inquiry.named_people.set(people)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=inquiry,
        fields=["named_people"],
        changes={
            "named_people": (
                ", ".join(old) or None,
                ", ".join(sorted(p.index_number for p in people)) or None,
            )
        },
    )
    return inquiry


@transaction.atomic
def inquiry_unassign(*, actor, inquiry_id, officer) -> RetaliationInquiry:
    """The Director takes a case away from an officer, who from then on gets 404 for it."""
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if not acts_as_director(actor, people=people_concerned(inquiry)):
        raise ApplicationError(_("Only the Director assigns retaliation cases."))
    if not officers_assigned_to(inquiry).filter(pk=officer.pk).exists():
        raise ApplicationError(_("This officer is not assigned to the case."), field="officer")
    object_permission_revoke(actor=actor, user=officer, perm=HANDLE_PERM, obj=inquiry)
    return inquiry


def inquiry_view_record(*, actor, inquiry, what: str = "case") -> None:
    """Every look at a case leaves a trace (who, when, which case)."""
    audit_record(actor=actor, action=Action.VIEW, obj=inquiry, fields=[what])


def evidence_read(*, actor, inquiry_id, evidence_id) -> Evidence:
    """One piece of evidence, for download: all of it for the office, the complainant's own uploads
    for the complainant. The read is recorded."""
    inquiry, handles = access_case_or_own(actor, inquiry_id)
    items = inquiry.evidence.all() if handles else inquiry.evidence.filter(uploaded_by=actor)
    item = items.filter(pk=evidence_id).first()
    if item is None:
        raise Http404
    audit_record(actor=actor, action=Action.VIEW, obj=item, fields=["file"])
    return item


def letter_read(*, actor, inquiry_id, letter_id) -> Letter:
    """One letter, for download: every letter for the office, those sent to the complainant for them."""
    inquiry, handles = access_case_or_own(actor, inquiry_id)
    letters = case_letters(inquiry) if handles else complainant_letters(inquiry)
    letter = letters.filter(pk=letter_id).first()
    if letter is None:
        raise Http404
    audit_record(actor=actor, action=Action.VIEW, obj=letter, fields=["file"])
    return letter


@transaction.atomic
def case_note_add(*, actor, inquiry_id, text: str) -> CaseNote:
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if not (text or "").strip():
        raise ApplicationError(_("The note is empty."), field="text")
    note = CaseNote.objects.create(inquiry=inquiry, author=actor, text=text.strip())
    audit_record(actor=actor, action=Action.CREATE, obj=note, fields=["text"])
    return note


# --- letters -------------------------------------------------------------------------------


def review_letters_due(inquiry: RetaliationInquiry) -> list[str]:
    """The letters a completed review calls for: the outcome letter, and the memo if referred."""
    if inquiry.review_outcome in (None, "", ReviewOutcome.PENDING):
        return []
    if inquiry.review_outcome == ReviewOutcome.PRIMA_FACIE:
        # Nothing goes out before the Director signed the finding off (two-person rule).
        if inquiry.prima_facie_signed_on is None:
            return []
        return [LetterKind.REVIEW_OUTCOME, LetterKind.REFERRAL_MEMO]
    return [LetterKind.REVIEW_OUTCOME]


def letter_write(*, actor, inquiry, kind: str, fmt: str, measure=None) -> Letter:
    """Render and keep one letter: the complainant's in their language, the memos in the office's."""
    if fmt not in LetterFormat.values:
        raise ApplicationError(_("Choose PDF or Word."), field="letter_format")
    if kind == LetterKind.INTERIM_MEMO and measure is None:
        measure = inquiry.interim_measures.order_by("-sent_on", "-id").first()
        if measure is None:
            raise ApplicationError(_("This case has no such letter yet."), field="kind")
    if kind in COMPLAINANT_LETTERS:
        with in_language_of(inquiry.service_request.requester):
            data = render_letter(inquiry, kind, fmt, actor=actor)
    else:
        data = render_letter(inquiry, kind, fmt, actor=actor, measure=measure)
    letter = Letter(
        inquiry=inquiry,
        kind=kind,
        format=fmt,
        to_complainant=kind in COMPLAINANT_LETTERS,
        interim_measure=measure if kind == LetterKind.INTERIM_MEMO else None,
    )
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
    # The review's letters are rendered after its commit; if that failed, they can be had here.
    if kind not in review_letters_due(inquiry) and not inquiry.letters.filter(kind=kind).exists():
        raise ApplicationError(_("This case has no such letter yet."), field="kind")
    return letter_write(actor=actor, inquiry=inquiry, kind=kind, fmt=fmt)


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
    # An officer on triage duty who classifies a request nobody was assigned to takes it on
    # (otherwise the case would vanish from their view the moment it leaves "received").
    if is_triage_officer(actor) and not officers_assigned_to(inquiry).filter(pk=actor.pk).exists():
        object_permission_grant(actor=actor, user=actor, perm=HANDLE_PERM, obj=inquiry)
    inquiry_transition(actor=actor, inquiry=inquiry, to=to, also=tuple(also))
    if kind == InquiryKind.OUTSIDE_MANDATE:
        letter_write(actor=actor, inquiry=inquiry, kind=LetterKind.REFERRAL, fmt=letter_format)
    return inquiry


def register_read_record(*, actor, fmt: str, count: int) -> None:
    """A look at the determinations register (or its export) is recorded, with how many cases it held."""
    audit_record(
        actor=actor,
        action=Action.VIEW if fmt == "page" else Action.EXPORT,
        object_type="retaliation.register",
        fields=[fmt],
        changes={"rows": (None, count)},
    )
