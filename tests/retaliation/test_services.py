import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed, ValidationFailed
from retaliation import services
from retaliation.models import (
    ClockPause,
    InquiryKind,
    Letter,
    LetterKind,
    PanelReviewRequest,
    RetaliationInquiry,
    ReviewOutcome,
    Status,
)

from .conftest import action

pytestmark = pytest.mark.django_db


def test_a_staff_request_enters_the_register_with_a_pr_reference(staff):
    """Requesting protection creates the register entry (category retaliation) and the inquiry, audited."""
    inquiry = services.inquiry_request(
        actor=staff,
        protected_activity="cooperated",
        reported_to="OIOS",
        reported_on=None,
        narrative="I was a witness in an audit.",
        actions=[action(), action(days_ago=3, taken_by="Chief of section", description="Moved my desk")],
    )
    assert inquiry.service_request.ref.startswith(f"PR-{timezone.localdate().year}-")
    assert inquiry.service_request.category.code == "retaliation"
    assert inquiry.service_request.requester.user == staff
    assert inquiry.status == Status.RECEIVED
    assert inquiry.actions.count() == 2
    assert AuditEvent.objects.filter(
        object_type="retaliation.retaliationinquiry", action=Action.CREATE
    ).exists()


def test_a_request_without_an_action_is_refused(staff):
    """Every request names at least one retaliatory action."""
    with pytest.raises(ApplicationError):
        services.inquiry_request(
            actor=staff,
            protected_activity="cooperated",
            reported_to="",
            reported_on=None,
            narrative="x",
            actions=[],
        )
    assert not RetaliationInquiry.objects.exists()


def test_only_the_director_assigns(make_inquiry, officer, officer2):
    """An officer cannot assign a case to a colleague."""
    inquiry = make_inquiry(assign="officer")
    with pytest.raises(ApplicationError):
        services.inquiry_assign(actor=officer, inquiry_id=inquiry.pk, officer=officer2)


def test_classifying_as_protection_request_opens_the_review_and_starts_the_clock(make_inquiry, officer):
    """A formal request for protection goes under preliminary review with the clock starting that day."""
    inquiry = make_inquiry()
    services.inquiry_classify(actor=officer, inquiry_id=inquiry.pk, kind=InquiryKind.PROTECTION_REQUEST)
    inquiry.refresh_from_db()
    assert inquiry.kind == InquiryKind.PROTECTION_REQUEST
    assert inquiry.status == Status.UNDER_REVIEW
    assert inquiry.review_started == timezone.localdate()
    assert inquiry.days_left() is not None and inquiry.days_left() >= 45


def test_outside_the_mandate_is_referred_with_a_letter(make_inquiry, officer):
    """Outside the mandate closes the inquiry and writes a referral letter the complainant may read."""
    inquiry = make_inquiry()
    services.inquiry_classify(
        actor=officer,
        inquiry_id=inquiry.pk,
        kind=InquiryKind.OUTSIDE_MANDATE,
        referred_to="osla",
        letter_format="docx",
    )
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED
    letter = Letter.objects.get(inquiry=inquiry)
    assert letter.kind == LetterKind.REFERRAL and letter.to_complainant
    assert letter.file.open("rb").read()[:2] == b"PK"


def test_an_officer_not_assigned_cannot_classify(make_inquiry, officer2):
    """The gate answers 404 (Http404) for an officer who is not assigned."""
    from django.http import Http404

    inquiry = make_inquiry()
    with pytest.raises(Http404):
        services.inquiry_classify(actor=officer2, inquiry_id=inquiry.pk, kind=InquiryKind.POLICY_ADVICE)


def test_pause_and_resume_are_recorded_and_extend_the_deadline(make_inquiry, officer):
    """A pause of 6 days moves the deadline by 6 days (then to a working day)."""
    inquiry = make_inquiry(classify=True)
    start = timezone.localdate() - dt.timedelta(days=20)
    RetaliationInquiry.objects.filter(pk=inquiry.pk).update(review_started=start)
    services.review_pause(
        actor=officer, inquiry_id=inquiry.pk, reason="Awaiting e-mails", on=start + dt.timedelta(days=4)
    )
    services.review_resume(actor=officer, inquiry_id=inquiry.pk, on=start + dt.timedelta(days=10))
    inquiry.refresh_from_db()
    pause = ClockPause.objects.get(inquiry=inquiry)
    assert (pause.started, pause.ended) == (start + dt.timedelta(days=4), start + dt.timedelta(days=10))
    assert inquiry.review_paused_days == 6
    assert inquiry.status == Status.UNDER_REVIEW
    assert inquiry.review_deadline() >= start + dt.timedelta(days=51)
    assert inquiry.review_deadline() <= start + dt.timedelta(days=53)


def test_prima_facie_refers_for_investigation_with_memo_and_letter(
    make_inquiry, officer, director, django_capture_on_commit_callbacks
):
    """Both tests met → awaiting the Director's sign-off (nothing goes out); signed off → referred to
    OIOS, report expected in 120 days, outcome letter and referral memo."""
    inquiry = make_inquiry(classify=True)
    with django_capture_on_commit_callbacks(execute=True):  # the letters follow the commit
        services.review_complete(
            actor=officer,
            inquiry_id=inquiry.pk,
            findings=services.ReviewFindings(
                protected_activity_found=True,
                protected_activity_reasoning="Report to OIOS is protected.",
                contributing_factor_found=True,
                contributing_factor_reasoning="Appraisal downgraded two weeks later.",
            ),
            decision=services.ReviewDecision(outcome=ReviewOutcome.PRIMA_FACIE),
        )
    inquiry.refresh_from_db()
    assert inquiry.status == Status.SIGN_OFF and not inquiry.letters.exists()
    assert inquiry.review_recorded_by == officer
    with pytest.raises(ApplicationError):  # the recorder cannot sign off their own finding
        services.prima_facie_sign_off(actor=officer, inquiry_id=inquiry.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk)
    inquiry.refresh_from_db()
    assert inquiry.prima_facie_signed_by == director
    today = timezone.localdate()
    assert inquiry.status == Status.REFERRED
    assert inquiry.review_outcome == ReviewOutcome.PRIMA_FACIE
    assert inquiry.review_completed == today
    assert inquiry.investigation_expected == today + dt.timedelta(days=120)
    kinds = set(inquiry.letters.values_list("kind", "to_complainant"))
    assert kinds == {(LetterKind.REVIEW_OUTCOME, True), (LetterKind.REFERRAL_MEMO, False)}
    pdf = inquiry.letters.get(kind=LetterKind.REVIEW_OUTCOME).file.open("rb").read()
    assert pdf.startswith(b"%PDF-")


def test_prima_facie_needs_both_tests(make_inquiry, officer):
    """Recording prima facie with a test not met is refused and nothing changes."""
    inquiry = make_inquiry(classify=True)
    with pytest.raises(ValidationFailed) as exc:
        services.review_complete(
            actor=officer,
            inquiry_id=inquiry.pk,
            findings=services.ReviewFindings(
                protected_activity_found=True,
                protected_activity_reasoning="yes",
                contributing_factor_found=False,
                contributing_factor_reasoning="no link",
            ),
            decision=services.ReviewDecision(outcome=ReviewOutcome.PRIMA_FACIE),
        )
    assert "outcome" in exc.value.errors
    inquiry.refresh_from_db()
    assert inquiry.status == Status.UNDER_REVIEW


def test_a_paused_review_can_be_closed_as_abandoned(make_inquiry, officer):
    """Closing while paused ends the pause and closes the case with the reason."""
    inquiry = make_inquiry(classify=True)
    services.review_pause(actor=officer, inquiry_id=inquiry.pk, reason="Awaiting documents")
    services.review_complete(
        actor=officer,
        inquiry_id=inquiry.pk,
        decision=services.ReviewDecision(outcome=ReviewOutcome.CLOSED, closure_reason="abandoned"),
    )
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED
    assert inquiry.review_outcome == ReviewOutcome.CLOSED
    assert not ClockPause.objects.filter(inquiry=inquiry, ended__isnull=True).exists()


def _to_determination(make_inquiry, officer):
    inquiry = make_inquiry(classify=True)
    services.review_complete(
        actor=officer,
        inquiry_id=inquiry.pk,
        findings=services.ReviewFindings(
            protected_activity_found=True,
            protected_activity_reasoning="a",
            contributing_factor_found=True,
            contributing_factor_reasoning="b",
        ),
        decision=services.ReviewDecision(outcome=ReviewOutcome.PRIMA_FACIE),
    )
    director = get_user_model().objects.get(username="director")
    services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk, letter_format="docx")
    services.investigation_report_receive(actor=officer, inquiry_id=inquiry.pk)
    inquiry.refresh_from_db()
    return inquiry


def test_the_report_then_the_directors_determination_then_corrective_measures(
    make_inquiry, officer, director
):
    """Report received sets investigation_completed; established → corrective measures; last implemented closes."""
    inquiry = _to_determination(make_inquiry, officer)
    assert inquiry.investigation_completed == timezone.localdate()
    with pytest.raises(ApplicationError):
        services.determination_make(actor=officer, inquiry_id=inquiry.pk, established=True, reasoning="x")
    services.determination_make(actor=director, inquiry_id=inquiry.pk, established=True, reasoning="Shown.")
    inquiry.refresh_from_db()
    assert inquiry.retaliation_established is True
    # No measure yet: the status must not say "corrective measures followed".
    assert inquiry.status == Status.ESTABLISHED
    measure = services.corrective_measure_recommend(
        actor=director, inquiry_id=inquiry.pk, description="Transfer to another department"
    )
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CORRECTIVE
    services.corrective_measure_implement(actor=officer, inquiry_id=inquiry.pk, measure_id=measure.pk)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED


def test_the_complainant_asks_the_panel_chair_for_a_review(make_inquiry, officer, director, staff):
    """After the determination the complainant's request is recorded and opens a Panel consultation."""
    inquiry = _to_determination(make_inquiry, officer)
    with pytest.raises(ApplicationError):
        services.panel_review_request(actor=staff, inquiry_id=inquiry.pk)
    services.determination_make(
        actor=director, inquiry_id=inquiry.pk, established=False, reasoning="Not shown."
    )
    request = services.panel_review_request(actor=staff, inquiry_id=inquiry.pk, reasons="I disagree")
    assert PanelReviewRequest.objects.filter(inquiry=inquiry).count() == 1
    from panel.models import Consultation

    consultation = Consultation.objects.get(source_app="retaliation", source_ref=inquiry.service_request.ref)
    assert request.consultation_ref == consultation.ref


def test_interim_measures_are_recorded_and_followed(make_inquiry, officer):
    """A measure records consent, to whom and when it went, and when it was implemented."""
    inquiry = make_inquiry(classify=True)
    item = services.interim_measure_recommend(
        actor=officer,
        inquiry_id=inquiry.pk,
        measure="suspend_appraisal",
        complainant_consent=True,
        sent_to="Under-Secretary-General for Management",
    )
    services.interim_measure_record_implementation(
        actor=officer, inquiry_id=inquiry.pk, measure_id=item.pk, implemented=True
    )
    item.refresh_from_db()
    assert item.implemented is True and item.implemented_on == timezone.localdate()


def test_a_closed_case_cannot_be_reopened(make_inquiry, officer):
    """The workflow table refuses closed → under review."""
    inquiry = make_inquiry()
    services.inquiry_classify(actor=officer, inquiry_id=inquiry.pk, kind=InquiryKind.WITHDRAWN)
    with pytest.raises(TransitionNotAllowed):
        services.inquiry_classify(actor=officer, inquiry_id=inquiry.pk, kind=InquiryKind.PROTECTION_REQUEST)


def test_clock_alerts_go_once_at_day_30_and_once_at_the_deadline(
    make_inquiry, officer, settings, django_capture_on_commit_callbacks
):
    """Day 30 → one e-mail to the assigned officer; a second run sends nothing; the deadline → one more."""
    inquiry = make_inquiry(classify=True)
    start = timezone.localdate() - dt.timedelta(days=30)
    RetaliationInquiry.objects.filter(pk=inquiry.pk).update(review_started=start)
    mail.outbox.clear()
    from retaliation.tasks import send_clock_alerts

    with django_capture_on_commit_callbacks(execute=True):
        assert send_clock_alerts.delay().get() == 1
    assert mail.outbox[0].to == [officer.email]
    assert inquiry.service_request.ref in mail.outbox[0].subject
    assert "fraud" not in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.clock_alerts_send() == 0
    assert len(mail.outbox) == 1
    deadline = RetaliationInquiry.objects.get(pk=inquiry.pk).review_deadline()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.clock_alerts_send(today=deadline) == 1
        assert services.clock_alerts_send(today=deadline) == 0
    assert len(mail.outbox) == 2
    inquiry.refresh_from_db()
    assert inquiry.first_alert_sent_at and inquiry.deadline_alert_sent_at


def test_an_unassigned_review_alerts_the_director(make_inquiry, director, django_capture_on_commit_callbacks):
    """With no officer on the case, the day-30 alert goes to the Director."""
    inquiry = make_inquiry(assign=None, classify=True)
    RetaliationInquiry.objects.filter(pk=inquiry.pk).update(
        review_started=timezone.localdate() - dt.timedelta(days=31)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.clock_alerts_send() == 1
    assert mail.outbox[0].to == [director.email]


def test_a_clock_alert_run_that_fails_half_way_sends_nothing_and_the_next_run_sends_each_once(
    make_inquiry, officer, monkeypatch, django_capture_on_commit_callbacks
):
    """The alerts are outbox rows written with the "alert sent" marks: a run that fails after the
    first case rolls back both, so no e-mail leaves; the next run sends each alert once."""
    from retaliation.services import review

    first = make_inquiry(classify=True)
    second = make_inquiry(classify=True)
    start = timezone.localdate() - dt.timedelta(days=30)
    RetaliationInquiry.objects.filter(pk__in=[first.pk, second.pk]).update(review_started=start)
    mail.outbox.clear()
    real_audit, calls = review.audit_record, []

    def failing_audit(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real_audit(**kwargs)

    monkeypatch.setattr(review, "audit_record", failing_audit)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        services.clock_alerts_send()
    assert mail.outbox == []
    monkeypatch.setattr(review, "audit_record", real_audit)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.clock_alerts_send() == 2
        assert services.clock_alerts_send() == 0
    assert len(mail.outbox) == 2


def test_the_review_letters_are_rendered_after_the_commit(
    make_inquiry, officer, django_capture_on_commit_callbacks
):
    """Inside the transaction only the decision is written; the letters come once it has committed,
    and if that ever fails the letters the decision calls for can still be generated."""
    inquiry = make_inquiry(classify=True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.review_complete(
            actor=officer,
            inquiry_id=inquiry.pk,
            decision=services.ReviewDecision(outcome=ReviewOutcome.CLOSED, closure_reason="withdrawn"),
        )
        assert not inquiry.letters.exists()
    inquiry.refresh_from_db()
    letters = [c for c in callbacks if getattr(c, "func", None) is not None]  # the letters' partial
    assert inquiry.status == Status.CLOSED and len(letters) == 1
    services.letter_generate(actor=officer, inquiry_id=inquiry.pk, kind=LetterKind.REVIEW_OUTCOME, fmt="docx")
    assert list(inquiry.letters.values_list("kind", "format")) == [(LetterKind.REVIEW_OUTCOME, "docx")]
    letters[0]()
    assert sorted(inquiry.letters.values_list("format", flat=True)) == ["docx", "pdf"]
    with pytest.raises(ApplicationError):
        services.letter_generate(actor=officer, inquiry_id=inquiry.pk, kind=LetterKind.REFERRAL_MEMO)


def test_a_letter_that_fails_to_render_leaves_the_decision_standing(
    make_inquiry, officer, django_capture_on_commit_callbacks, monkeypatch
):
    """The renderer breaking after the commit does not undo the review; the letter can be had later."""
    from retaliation.services import cases

    def broken(*args, **kwargs):
        raise RuntimeError("renderer down")

    inquiry = make_inquiry(classify=True)
    monkeypatch.setattr(cases, "render_letter", broken)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_complete(
            actor=officer,
            inquiry_id=inquiry.pk,
            decision=services.ReviewDecision(outcome=ReviewOutcome.CLOSED, closure_reason="withdrawn"),
        )
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED and not inquiry.letters.exists()
    monkeypatch.undo()
    services.letter_generate(actor=officer, inquiry_id=inquiry.pk, kind=LetterKind.REVIEW_OUTCOME)
    assert inquiry.letters.filter(kind=LetterKind.REVIEW_OUTCOME).exists()
