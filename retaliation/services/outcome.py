"""After the review: interim measures, the investigation, the determination, corrective measures
and the complainant's request for a review by the Ethics Panel chair."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed
from ethics_office.organisation.duties import acts_as_director
from panel.services import consultation_open

from ..models import (
    CorrectiveMeasure,
    InterimMeasure,
    LetterFormat,
    LetterKind,
    MeasureType,
    PanelReviewRequest,
    RetaliationInquiry,
    ReviewOutcome,
    Status,
)
from ..permissions import access_own_retaliation_inquiry, access_retaliation_inquiry
from ..selectors import people_concerned
from .cases import inquiry_transition, letter_write

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
    letter_format: str = LetterFormat.PDF,
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
    # The recommendation goes to the decision-maker as a memorandum.
    letter_write(actor=actor, inquiry=inquiry, kind=LetterKind.INTERIM_MEMO, fmt=letter_format, measure=item)
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
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if not acts_as_director(actor, people=people_concerned(inquiry)):
        raise ApplicationError(_("Only the Director makes the final determination."))
    if inquiry.status != Status.DETERMINATION:
        raise TransitionNotAllowed(_("The determination follows the investigation report."))
    if not (reasoning or "").strip():
        raise ApplicationError(_("Give the reasons for the determination."), field="reasoning")
    inquiry.retaliation_established = bool(established)
    inquiry.determination_reasoning = reasoning.strip()
    inquiry.determined_on = on or timezone.localdate()
    inquiry.determined_by = actor
    also = ("retaliation_established", "determination_reasoning", "determined_on", "determined_by")
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=inquiry,
        fields=list(also),
        changes={"retaliation_established": (None, inquiry.retaliation_established)},
    )
    # Established: "corrective measures to be recommended" until the first one is.
    to = Status.ESTABLISHED if established else Status.CLOSED
    inquiry_transition(actor=actor, inquiry=inquiry, to=to, also=also)
    letter_write(actor=actor, inquiry=inquiry, kind=LetterKind.DETERMINATION, fmt=letter_format)
    return inquiry


@transaction.atomic
def corrective_measure_recommend(
    *, actor, inquiry_id, description: str, recommended_on: dt.date | None = None
) -> CorrectiveMeasure:
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if inquiry.status not in (Status.ESTABLISHED, Status.CORRECTIVE):
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
    if inquiry.status == Status.ESTABLISHED:
        inquiry_transition(actor=actor, inquiry=inquiry, to=Status.CORRECTIVE)
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
    consultation = consultation_open(
        actor=actor,
        kind="determination_review",
        title=_("Review of a retaliation determination (%(ref)s)") % {"ref": ref},
        source_app="retaliation",
        source_ref=ref,
        summary=_("The complainant asks the Chair of the Ethics Panel to review the outcome of case %(ref)s.")
        % {"ref": ref},
    )
    request.consultation_ref = consultation.ref[:30]
    request.save(update_fields=["consultation_ref"])
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=request,
        fields=["requested_on", "reasons", "consultation_ref"],
        changes={"consultation_ref": (None, request.consultation_ref or None)},
    )
    return request
