"""The preliminary review, its clock (pauses) and the clock alerts."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed, ValidationFailed
from ethics_office.base.mail import in_language_of, language_of
from ethics_office.base.roles import Role, has_role
from ethics_office.base.wording import long_date
from ethics_office.organisation.duties import acts_as_director, is_director_alternate
from ethics_office.outbox.models import Audience
from ethics_office.outbox.services import outbox_enqueue

from .. import clock
from ..models import (
    ClockPause,
    ClosureReason,
    InvestigationBody,
    Letter,
    LetterFormat,
    RetaliationInquiry,
    ReviewOutcome,
    Status,
)
from ..permissions import access_retaliation_inquiry
from ..selectors import directors, officers_assigned_to, people_concerned
from .cases import inquiry_transition, letter_write, review_letters_due

INVESTIGATION_DAYS = 120


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
    if on > timezone.localdate():
        raise ApplicationError(_("A pause cannot start in the future."), field="on")
    last = inquiry.pauses.exclude(ended__isnull=True).order_by("-ended").first()
    if last is not None and on < last.ended:
        raise ApplicationError(_("Pauses cannot overlap: the last one ended on %(day)s.") % {"day": last.ended},
                               field="on")  # fmt: skip
    pause = ClockPause.objects.create(inquiry=inquiry, started=on, reason=(reason or "").strip())
    inquiry.review_paused_since = on
    audit_record(actor=actor, action=Action.CREATE, obj=pause, fields=["started", "reason"])
    inquiry_transition(actor=actor, inquiry=inquiry, to=Status.PAUSED, also=("review_paused_since",))
    return pause


def _pause_end(*, actor, inquiry, on: dt.date) -> None:
    pause = inquiry.pauses.select_for_update().get(ended__isnull=True)
    if on < pause.started:
        raise ApplicationError(_("The clock cannot resume before it was paused."), field="on")
    if on > timezone.localdate():
        raise ApplicationError(_("The clock cannot resume on a future date."), field="on")
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


# --- completing the review -----------------------------------------------------------------------
#
# Completing a review is three steps, each its own function: check the answers (`_review_errors`),
# record the two tests with their reasoning (`_findings_record`), decide the outcome and where the
# case goes (`_outcome_decide`). `review_complete` runs them in one transaction; the letters are
# rendered after the commit (`review_letters_generate`), so a slow or failing renderer neither
# holds the row locks nor undoes a recorded decision.


@dataclass(frozen=True)
class ReviewFindings:
    """The two tests of the preliminary review, each with its conclusion and reasoning."""

    protected_activity_found: bool | None = None
    protected_activity_reasoning: str = ""
    contributing_factor_found: bool | None = None
    contributing_factor_reasoning: str = ""

    @classmethod
    def from_data(cls, data: Mapping) -> "ReviewFindings":
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})

    def tests(self):
        """(name, found, reasoning) for each test, in the order of the form."""
        return (
            ("protected_activity", self.protected_activity_found, self.protected_activity_reasoning),
            ("contributing_factor", self.contributing_factor_found, self.contributing_factor_reasoning),
        )


@dataclass(frozen=True)
class ReviewDecision:
    """The outcome of the review and what it needs: the closure reason, or who investigates."""

    outcome: str
    closure_reason: str = ""
    investigation_body: str = InvestigationBody.OIOS
    investigation_body_name: str = ""

    @classmethod
    def from_data(cls, data: Mapping) -> "ReviewDecision":
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


OUTCOMES = (ReviewOutcome.PRIMA_FACIE, ReviewOutcome.NO_PRIMA_FACIE, ReviewOutcome.CLOSED)
TESTED_OUTCOMES = (ReviewOutcome.PRIMA_FACIE, ReviewOutcome.NO_PRIMA_FACIE)


def _findings_errors(findings: ReviewFindings, outcome: str) -> dict[str, list[str]]:
    """A prima facie or no-prima-facie finding needs both tests concluded and reasoned."""
    errors: dict[str, list[str]] = {}
    if outcome not in TESTED_OUTCOMES:
        return errors
    for name, found, reasoning in findings.tests():
        if found is None:
            errors[f"{name}_found"] = [_("Record the conclusion on this test.")]
        if not (reasoning or "").strip():
            errors[f"{name}_reasoning"] = [_("Give the reasoning for this test.")]
    return errors


def _referral_errors(decision: ReviewDecision) -> dict[str, list[str]]:
    """A referral for investigation names who investigates (and the mechanism if it is another)."""
    if decision.investigation_body not in InvestigationBody.values:
        return {"investigation_body": [_("Choose who investigates.")]}
    if (
        decision.investigation_body == InvestigationBody.ALTERNATIVE
        and not decision.investigation_body_name.strip()
    ):
        return {"investigation_body_name": [_("Name the alternative mechanism.")]}
    return {}


def _outcome_errors(findings: ReviewFindings, decision: ReviewDecision) -> dict[str, list[str]]:
    """The outcome must follow from the tests and carry what it needs."""
    outcome = decision.outcome
    met = [found for _name, found, _reasoning in findings.tests()]
    errors: dict[str, list[str]] = {}
    if outcome not in OUTCOMES:
        errors["outcome"] = [_("Choose the outcome of the review.")]
    elif outcome == ReviewOutcome.PRIMA_FACIE:
        if False in met:
            errors["outcome"] = [_("A prima facie case needs both tests met.")]
        errors.update(_referral_errors(decision))
    elif outcome == ReviewOutcome.NO_PRIMA_FACIE and all(met):
        errors["outcome"] = [_("Both tests are met: that is a prima facie case.")]
    elif outcome == ReviewOutcome.CLOSED and decision.closure_reason not in ClosureReason.values:
        errors["closure_reason"] = [_("Say why the review is closed.")]
    return errors


def _review_errors(findings: ReviewFindings, decision: ReviewDecision, letter_format: str) -> dict:
    errors = _findings_errors(findings, decision.outcome)
    errors.update(_outcome_errors(findings, decision))
    if letter_format not in LetterFormat.values:
        errors["letter_format"] = [_("Choose PDF or Word.")]
    return errors


def _findings_record(inquiry: RetaliationInquiry, findings: ReviewFindings) -> list[str]:
    """Write the two tests and their reasoning on the case; returns the fields written."""
    inquiry.protected_activity_found = findings.protected_activity_found
    inquiry.protected_activity_reasoning = (findings.protected_activity_reasoning or "").strip()
    inquiry.contributing_factor_found = findings.contributing_factor_found
    inquiry.contributing_factor_reasoning = (findings.contributing_factor_reasoning or "").strip()
    return [
        "protected_activity_found",
        "protected_activity_reasoning",
        "contributing_factor_found",
        "contributing_factor_reasoning",
    ]


def _outcome_decide(
    inquiry: RetaliationInquiry, decision: ReviewDecision, on: dt.date
) -> tuple[str, list[str]]:
    """Write the outcome on the case; returns the status it moves to and the fields written.

    Prima facie refers the case for investigation (report expected in INVESTIGATION_DAYS);
    no prima facie and closed end it, closed with its reason.
    """
    inquiry.review_outcome = decision.outcome
    inquiry.review_completed = on
    written = ["review_outcome", "review_completed"]
    if decision.outcome == ReviewOutcome.PRIMA_FACIE:
        inquiry.investigation_body = decision.investigation_body
        inquiry.investigation_body_name = (
            decision.investigation_body_name.strip()[:200]
            if decision.investigation_body == InvestigationBody.ALTERNATIVE
            else ""
        )
        written += ["investigation_body", "investigation_body_name"]
        # The referral waits for the Director's sign-off (prima_facie_sign_off).
        return Status.SIGN_OFF, written
    if decision.outcome == ReviewOutcome.CLOSED:
        inquiry.closure_reason = decision.closure_reason
        written.append("closure_reason")
    return Status.CLOSED, written


@transaction.atomic
def review_letters_generate(*, actor, inquiry_id, fmt: str = LetterFormat.PDF) -> list[Letter]:
    """Render the letters of a completed review (the outcome letter; the referral memo if referred)."""
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    return [
        letter_write(actor=actor, inquiry=inquiry, kind=kind, fmt=fmt) for kind in review_letters_due(inquiry)
    ]


@transaction.atomic
def review_complete(
    *,
    actor,
    inquiry_id,
    decision: ReviewDecision,
    findings: ReviewFindings = ReviewFindings(),
    letter_format: str = LetterFormat.PDF,
    on: dt.date | None = None,
) -> RetaliationInquiry:
    """Record the two tests with their reasoning and the outcome; the letters follow the commit.

    Prima facie (both tests met) refers the case for investigation with a referral memo;
    no prima facie needs a test not met; closed needs the reason.
    """
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    on = on or timezone.localdate()
    if inquiry.status not in (Status.UNDER_REVIEW, Status.PAUSED):
        raise TransitionNotAllowed(_("There is no preliminary review in progress."))
    errors = _review_errors(findings, decision, letter_format)
    if errors:
        raise ValidationFailed(_("The review cannot be recorded yet."), errors=errors)

    also = _findings_record(inquiry, findings)
    inquiry.review_recorded_by = actor
    also.append("review_recorded_by")
    if inquiry.status == Status.PAUSED:
        _pause_end(actor=actor, inquiry=inquiry, on=on)
        also += ["review_paused_days", "review_paused_since"]
    old_outcome = inquiry.review_outcome
    to, decided = _outcome_decide(inquiry, decision, on)
    also = [*decided, *also]
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=inquiry,
        fields=also,
        changes={"review_outcome": (old_outcome, decision.outcome)},
    )
    # A paused review resumes in the same breath so the table, not the service, decides.
    if inquiry.status == Status.PAUSED:
        inquiry_transition(actor=actor, inquiry=inquiry, to=Status.UNDER_REVIEW)
    inquiry_transition(actor=actor, inquiry=inquiry, to=to, also=tuple(also))
    # robust: a renderer that fails is logged and leaves the recorded decision standing; the
    # letters it calls for can then be generated again (letter_generate). A prima facie finding
    # sends nothing until it is signed off.
    if to != Status.SIGN_OFF:
        transaction.on_commit(
            partial(review_letters_generate, actor=actor, inquiry_id=inquiry.pk, fmt=letter_format),
            robust=True,
        )
    return inquiry


# --- the Director's sign-off of a prima facie finding (two-person rule) --------------------------


def may_sign_off(actor, inquiry) -> bool:
    """The acting Director, never the one who recorded the review; the alternate signs off a finding
    the Director recorded."""
    recorder = inquiry.review_recorded_by
    if recorder is not None and recorder.pk == actor.pk:
        return False
    if acts_as_director(actor, people=people_concerned(inquiry)):
        return True
    return (
        is_director_alternate(actor)
        and recorder is not None
        and has_role(recorder, Role.DIRECTOR)
        and not any(p is not None and p.user_id == actor.pk for p in people_concerned(inquiry))
    )


@transaction.atomic
def prima_facie_sign_off(
    *,
    actor,
    inquiry_id,
    approve: bool = True,
    letter_format: str = LetterFormat.PDF,
    on: dt.date | None = None,
) -> RetaliationInquiry:
    """The Director (or alternate) signs off the officer's prima facie finding: the case is referred
    for investigation and the outcome letter and referral memo go out. Not approved, the review
    goes back to the officer (the finding is withdrawn, the clock runs again)."""
    inquiry = access_retaliation_inquiry(actor, inquiry_id, for_write=True)
    if inquiry.status != Status.SIGN_OFF:
        raise TransitionNotAllowed(_("There is no prima facie finding awaiting sign-off."))
    if not may_sign_off(actor, inquiry):
        raise ApplicationError(
            _("The Director, or the alternate, signs off a finding someone else recorded.")
        )
    if letter_format not in LetterFormat.values:
        raise ApplicationError(_("Choose PDF or Word."), field="letter_format")
    on = on or timezone.localdate()
    if not approve:
        old = inquiry.review_outcome
        inquiry.review_outcome = ReviewOutcome.PENDING
        inquiry.review_completed = None
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            obj=inquiry,
            fields=["review_outcome", "review_completed"],
            changes={"review_outcome": (old, ReviewOutcome.PENDING), "sign_off": (None, "returned")},
        )
        inquiry_transition(
            actor=actor, inquiry=inquiry, to=Status.UNDER_REVIEW, also=("review_outcome", "review_completed")
        )
        return inquiry
    inquiry.prima_facie_signed_by = actor
    inquiry.prima_facie_signed_on = on
    inquiry.investigation_referred = on
    inquiry.investigation_expected = on + dt.timedelta(days=INVESTIGATION_DAYS)
    also = (
        "prima_facie_signed_by",
        "prima_facie_signed_on",
        "investigation_referred",
        "investigation_expected",
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=inquiry,
        fields=list(also),
        changes={"sign_off": (None, "approved")},
    )
    inquiry_transition(actor=actor, inquiry=inquiry, to=Status.REFERRED, also=also)
    transaction.on_commit(
        partial(review_letters_generate, actor=actor, inquiry_id=inquiry.pk, fmt=letter_format), robust=True
    )
    return inquiry


# --- clock alerts --------------------------------------------------------------------------------


def _alert_send(inquiry, *, which: str, compose) -> int:
    """Queue one alert per recipient, in their language, in the transaction that marks it sent."""
    # A case nobody was assigned to is the Director's own: the alert goes to the Director.
    people = [u for u in (list(officers_assigned_to(inquiry)) or list(directors())) if u.email]
    for user in people:
        with in_language_of(user=user):
            subject, body = compose()
            outbox_enqueue(
                key=f"retaliation.clock_alert:{inquiry.pk}:{which}:{user.pk}",
                kind="retaliation.clock_alert",
                to=[user.email],
                subject=subject,
                body=body,
                language=language_of(user=user),
                audience=Audience.RECIPIENTS,
                obj=inquiry,
            )
    return len(people)


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
                which="deadline",
                compose=lambda ref=ref, deadline=deadline, link=link: (
                    _("Preliminary review %(ref)s: the deadline is today or passed") % {"ref": ref},
                    _("The deadline of preliminary review %(ref)s was %(deadline)s. %(link)s")
                    % {"ref": ref, "deadline": long_date(deadline), "link": link},
                ),
            )
            inquiry.deadline_alert_sent_at = timezone.now()
            fields.append("deadline_alert_sent_at")
            if inquiry.first_alert_sent_at is None:  # the day-30 mark passed too; one e-mail is enough
                inquiry.first_alert_sent_at = inquiry.deadline_alert_sent_at
                fields.append("first_alert_sent_at")
        elif inquiry.first_alert_sent_at is None and elapsed >= clock.first_alert_day():
            sent += _alert_send(
                inquiry,
                which="day30",
                compose=lambda ref=ref, elapsed=elapsed, deadline=deadline, link=link: (
                    _("Preliminary review %(ref)s: day %(day)s of the clock") % {"ref": ref, "day": elapsed},
                    _("Preliminary review %(ref)s is at day %(day)s; the deadline is %(deadline)s. %(link)s")
                    % {"ref": ref, "day": elapsed, "deadline": long_date(deadline), "link": link},
                ),
            )
            inquiry.first_alert_sent_at = timezone.now()
            fields.append("first_alert_sent_at")
        if fields:
            inquiry.save(update_fields=[*fields, "updated_at"])
            audit_record(
                actor=None, action=Action.SEND, obj=inquiry, fields=fields, actor_label="clock alerts"
            )
    return sent
