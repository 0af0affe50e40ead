"""The complainant's side of a case (what they submitted, status, time limits, what is awaited, the
thread), new requests (notice, the Director's panel, triage duty), reasoned and signed letters in the
complainant's language, and case integrity (pauses, statuses, the two-person rule, the register)."""

import csv
import datetime as dt
import io

import pytest
from django.core import mail
from django.db import connection
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed
from retaliation import services
from retaliation.letters import letter_content
from retaliation.models import CaseMessage, LetterKind, RetaliationInquiry, ReviewOutcome, Status
from retaliation.panels import home_panels
from retaliation.selectors import inquiries_handled_by, officers_assigned_to
from tests.queries import assert_queries_flat

pytestmark = pytest.mark.django_db

SECRET = "The-message-body-is-confidential"
REASON_A = "Reporting to OIOS is a protected activity."
REASON_B = "The downgrade came two weeks after the report."


def _findings(found=True):
    return services.ReviewFindings(
        protected_activity_found=found,
        protected_activity_reasoning=REASON_A,
        contributing_factor_found=found,
        contributing_factor_reasoning=REASON_B,
    )


def _prima_facie(inquiry, officer):
    services.review_complete(
        actor=officer,
        inquiry_id=inquiry.pk,
        findings=_findings(),
        decision=services.ReviewDecision(outcome=ReviewOutcome.PRIMA_FACIE),
        letter_format="docx",
    )
    inquiry.refresh_from_db()
    return inquiry


# --- the complainant's view ------------------------------------------------------------------


def test_the_complainant_sees_what_they_submitted_status_meaning_and_time_limits(client_for, make_inquiry):
    inquiry = make_inquiry(classify=True, narrative="I reported fraud in the fuel contract.")
    page = client_for("staff").get(reverse("retaliation-detail", args=[inquiry.pk])).content.decode()
    assert "I reported fraud in the fuel contract." in page
    assert "Downgraded my appraisal" in page and "First reporting officer" in page
    assert "What this means" in page and "What happens next" in page
    assert "within 45 calendar days" in page
    assert "waiting for information from you" not in page


def test_during_a_pause_the_complainant_is_told_what_is_awaited_in_their_language(
    client_for, make_inquiry, officer, people, settings
):
    inquiry = make_inquiry(classify=True)
    services.review_pause(actor=officer, inquiry_id=inquiry.pk, reason="Copies of the appraisal e-mails")
    client = client_for("staff")
    page = client.get(reverse("retaliation-detail", args=[inquiry.pk])).content.decode()
    assert "The Ethics Office is waiting for information from you" in page
    assert "Copies of the appraisal e-mails" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    page = client.get(reverse("retaliation-detail", args=[inquiry.pk])).content.decode()
    assert "道德操守办公室正在等待您提供信息" in page
    assert "Copies of the appraisal e-mails" in page


def test_a_staff_member_neither_complainant_nor_assigned_gets_404(client_for, make_inquiry):
    inquiry = make_inquiry(classify=True)
    for name in ("staff2", "officer2", "admin"):
        client = client_for(name)
        assert client.get(reverse("retaliation-detail", args=[inquiry.pk])).status_code == 404
        response = client.post(reverse("retaliation-message", args=[inquiry.pk]), {"message-body": "hi"})
        assert response.status_code == 404
    assert not CaseMessage.objects.exists()


# --- the thread ----------------------------------------------------------------------------


def test_the_thread_both_ways_with_content_free_notices(
    client_for, make_inquiry, officer, staff, django_capture_on_commit_callbacks
):
    inquiry = make_inquiry(classify=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.case_message_post(actor=officer, inquiry_id=inquiry.pk, body=SECRET + " (office)")
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert SECRET not in mail.outbox[0].body and inquiry.service_request.ref in mail.outbox[0].subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("staff").post(
            reverse("retaliation-message", args=[inquiry.pk]), {"message-body": SECRET}
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert SECRET not in mail.outbox[0].body
    messages = list(CaseMessage.objects.filter(inquiry=inquiry))
    assert [(m.from_office, m.body) for m in messages] == [(True, SECRET + " (office)"), (False, SECRET)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM retaliation_casemessage")
        assert all(SECRET not in row[0] for row in cursor.fetchall())  # encrypted at rest
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="retaliation.casemessage").count() == 2
    office_page = client_for("officer").get(reverse("retaliation-detail", args=[inquiry.pk])).content.decode()
    assert SECRET in office_page


def test_an_empty_message_is_refused_and_a_closed_case_takes_none_from_the_complainant(
    make_inquiry, staff, officer
):
    inquiry = make_inquiry(classify=True)
    with pytest.raises(ApplicationError):
        services.case_message_post(actor=staff, inquiry_id=inquiry.pk, body="  ")
    services.review_complete(
        actor=officer,
        inquiry_id=inquiry.pk,
        decision=services.ReviewDecision(outcome=ReviewOutcome.CLOSED, closure_reason="withdrawn"),
    )
    with pytest.raises(ApplicationError):
        services.case_message_post(actor=staff, inquiry_id=inquiry.pk, body="one more thing")


# --- new requests, the Director's panel, triage duty ---------------------------------------------


def test_a_new_request_tells_the_director_and_triage_duty_by_content_free_email(
    make_inquiry, director, officer2, settings, django_capture_on_commit_callbacks
):
    settings.RETALIATION_TRIAGE_OFFICERS = ["officer2"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = make_inquiry(assign=None, narrative="Fraud in the fuel contract")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([director.email, officer2.email])
    assert all("fuel" not in m.body and inquiry.service_request.ref in m.subject for m in mail.outbox)


def test_the_directors_home_shows_unassigned_requests_with_their_age(
    make_inquiry, director, officer, officer2
):
    inquiry = make_inquiry(assign=None)
    inquiry.service_request.received = timezone.localdate() - dt.timedelta(days=2)
    inquiry.service_request.save(update_fields=["received"])
    panels = home_panels(director, {"director"})
    waiting = next(p for p in panels if "not yet assigned" in p.title)
    assert waiting.count == 1
    assert f"{inquiry.service_request.ref}: received 2 days ago" in waiting.items[0][0]
    # `officer` is on triage duty by default in DEBUG/TESTING and sees it too; officer2 is not.
    assert [p for p in home_panels(officer, {"ethics_officer"}) if "not yet assigned" in p.title]
    assert not [p for p in home_panels(officer2, {"ethics_officer"}) if "not yet assigned" in p.title]


def test_an_officer_on_triage_duty_sees_and_classifies_unassigned_requests(make_inquiry, officer2, settings):
    inquiry = make_inquiry(assign=None)
    assert not inquiries_handled_by(officer2).filter(pk=inquiry.pk).exists()
    settings.RETALIATION_TRIAGE_OFFICERS = ["officer2"]
    assert inquiries_handled_by(officer2).filter(pk=inquiry.pk).exists()
    assert [p for p in home_panels(officer2, {"ethics_officer"}) if "not yet assigned" in p.title]
    services.inquiry_classify(actor=officer2, inquiry_id=inquiry.pk, kind="protection_request")
    inquiry.refresh_from_db()
    assert inquiry.status == Status.UNDER_REVIEW
    assert officer2 in officers_assigned_to(inquiry)  # they took it on, so it stays in view


def test_triage_duty_never_reaches_an_officers_own_request(people, settings):
    """Segregation of duties: officer2 on triage does not see officer2's own request."""
    from tests.retaliation.helpers import inquiry_make

    settings.RETALIATION_TRIAGE_OFFICERS = ["officer2"]
    own = inquiry_make(people, requester="officer2", assign=None)
    assert not inquiries_handled_by(people["officer2"]).filter(pk=own.pk).exists()


# --- letters -------------------------------------------------------------------------------------


def test_the_outcome_letter_carries_reasons_legal_basis_and_a_named_signatory(
    make_inquiry, officer, director
):
    inquiry = _prima_facie(make_inquiry(classify=True), officer)
    services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk, letter_format="docx")
    inquiry.refresh_from_db()
    content = letter_content(inquiry, LetterKind.REVIEW_OUTCOME)
    text = " ".join(content["paragraphs"])
    assert REASON_A in text and REASON_B in text and "is met" in text
    assert "ST/SGB/2005/21" in content["legal_basis"] and "section 5" in content["legal_basis"]
    assert (content["signer"], content["signer_title"]) == ("Elena Marchetti", "Director, Ethics Office")


def test_the_determination_letter_carries_the_findings_in_the_complainants_language(
    make_inquiry, officer, director, people
):
    from docx import Document

    staff_person = people["staff"].person
    staff_person.language = "zh-hans"
    staff_person.save(update_fields=["language"])
    inquiry = _prima_facie(make_inquiry(classify=True), officer)
    services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk, letter_format="docx")
    services.investigation_report_receive(actor=officer, inquiry_id=inquiry.pk)
    services.determination_make(
        actor=director,
        inquiry_id=inquiry.pk,
        established=False,
        reasoning="The downgrade was decided before the report.",
        letter_format="docx",
    )
    letter = inquiry.letters.get(kind=LetterKind.DETERMINATION)
    text = "\n".join(p.text for p in Document(letter.file.open("rb")).paragraphs)
    assert "The downgrade was decided before the report." in text
    assert "ST/SGB/2005/21" in text and "Elena Marchetti" in text
    assert "道德操守办公室" in text  # the complainant chose Chinese


def test_an_interim_measure_recommendation_produces_its_memo(make_inquiry, officer):
    from docx import Document

    inquiry = make_inquiry(classify=True)
    item = services.interim_measure_recommend(
        actor=officer,
        inquiry_id=inquiry.pk,
        measure="change_reporting",
        complainant_consent=True,
        sent_to="Under-Secretary-General for Management",
        letter_format="docx",
    )
    memo = inquiry.letters.get(kind=LetterKind.INTERIM_MEMO)
    assert memo.interim_measure == item and not memo.to_complainant
    text = "\n".join(p.text for p in Document(memo.file.open("rb")).paragraphs)
    assert "Under-Secretary-General for Management" in text and "Change the reporting officer" in text
    assert "section 5.6" in text


# --- case integrity -------------------------------------------------------------------------------


def test_a_resume_date_cannot_be_in_the_future_or_before_the_pause(make_inquiry, officer):
    inquiry = make_inquiry(classify=True)
    today = timezone.localdate()
    RetaliationInquiry.objects.filter(pk=inquiry.pk).update(review_started=today - dt.timedelta(days=20))
    services.review_pause(actor=officer, inquiry_id=inquiry.pk, reason="x", on=today - dt.timedelta(days=5))
    with pytest.raises(ApplicationError):
        services.review_resume(actor=officer, inquiry_id=inquiry.pk, on=today + dt.timedelta(days=10))
    with pytest.raises(ApplicationError):
        services.review_resume(actor=officer, inquiry_id=inquiry.pk, on=today - dt.timedelta(days=6))
    inquiry.refresh_from_db()
    assert inquiry.status == Status.PAUSED and inquiry.review_paused_days == 0


def test_pauses_cannot_overlap_or_start_in_the_future_and_the_clock_follows_the_dates(make_inquiry, officer):
    inquiry = make_inquiry(classify=True)
    today = timezone.localdate()
    start = today - dt.timedelta(days=30)
    RetaliationInquiry.objects.filter(pk=inquiry.pk).update(review_started=start)
    with pytest.raises(ApplicationError):
        services.review_pause(
            actor=officer, inquiry_id=inquiry.pk, reason="x", on=today + dt.timedelta(days=1)
        )
    services.review_pause(actor=officer, inquiry_id=inquiry.pk, reason="a", on=start + dt.timedelta(days=5))
    services.review_resume(actor=officer, inquiry_id=inquiry.pk, on=start + dt.timedelta(days=12))
    with pytest.raises(ApplicationError):  # would overlap the first pause
        services.review_pause(
            actor=officer, inquiry_id=inquiry.pk, reason="b", on=start + dt.timedelta(days=10)
        )
    services.review_pause(actor=officer, inquiry_id=inquiry.pk, reason="b", on=start + dt.timedelta(days=12))
    services.review_resume(actor=officer, inquiry_id=inquiry.pk, on=start + dt.timedelta(days=15))
    inquiry.refresh_from_db()
    recorded = sum((p.ended - p.started).days for p in inquiry.pauses.all())
    assert inquiry.review_paused_days == recorded == 10
    assert inquiry.days_elapsed(today) == 30 - 10
    assert inquiry.days_left(today) == (inquiry.review_deadline(today) - today).days


def test_established_reads_corrective_measures_followed_only_once_a_measure_exists(
    make_inquiry, officer, director
):
    inquiry = _prima_facie(make_inquiry(classify=True), officer)
    services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk, letter_format="docx")
    services.investigation_report_receive(actor=officer, inquiry_id=inquiry.pk)
    services.determination_make(
        actor=director, inquiry_id=inquiry.pk, established=True, reasoning="Shown.", letter_format="docx"
    )
    inquiry.refresh_from_db()
    assert inquiry.status == Status.ESTABLISHED and not inquiry.corrective_measures.exists()
    assert "followed" not in inquiry.get_status_display()
    services.corrective_measure_recommend(actor=director, inquiry_id=inquiry.pk, description="Transfer")
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CORRECTIVE and inquiry.corrective_measures.exists()


def test_two_person_rule_officer_records_director_signs_off_both_audited(
    make_inquiry, officer, officer2, director, django_capture_on_commit_callbacks
):
    inquiry = make_inquiry(classify=True)
    with django_capture_on_commit_callbacks(execute=True):
        _prima_facie(inquiry, officer)
    assert inquiry.status == Status.SIGN_OFF and not inquiry.letters.exists()
    assert inquiry.investigation_referred is None
    with pytest.raises(ApplicationError):
        services.prima_facie_sign_off(actor=officer, inquiry_id=inquiry.pk)
    with pytest.raises(TransitionNotAllowed):
        services.investigation_report_receive(actor=officer, inquiry_id=inquiry.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk, letter_format="docx")
    inquiry.refresh_from_db()
    assert inquiry.status == Status.REFERRED and inquiry.prima_facie_signed_by == director
    assert inquiry.investigation_referred == timezone.localdate()
    assert {letter.kind for letter in inquiry.letters.all()} == {
        LetterKind.REVIEW_OUTCOME,
        LetterKind.REFERRAL_MEMO,
    }
    events = AuditEvent.objects.filter(
        object_type="retaliation.retaliationinquiry", object_id=str(inquiry.pk)
    )
    assert events.filter(actor=officer, fields__contains=["review_recorded_by"]).exists()
    assert events.filter(actor=director, fields__contains=["prima_facie_signed_by"]).exists()


def test_the_alternate_signs_off_a_finding_the_director_recorded_on_any_case(
    client_for, make_inquiry, officer, officer2, director
):
    """The alternate (officer2) is not assigned: the Director's own finding still gets its second
    person. A finding an officer recorded stays the Director's; a case about the alternate never
    reaches them."""
    inquiry = _prima_facie(make_inquiry(classify=True), director)
    assert not officers_assigned_to(inquiry).filter(pk=officer2.pk).exists()
    assert client_for("officer2").get(reverse("retaliation-detail", args=[inquiry.pk])).status_code == 200
    with pytest.raises(ApplicationError):
        services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk, letter_format="docx")
    services.prima_facie_sign_off(actor=officer2, inquiry_id=inquiry.pk, letter_format="docx")
    inquiry.refresh_from_db()
    assert inquiry.status == Status.REFERRED and inquiry.prima_facie_signed_by == officer2
    # Signed off, the case is the assigned officer's and the Director's again.
    assert client_for("officer2").get(reverse("retaliation-detail", args=[inquiry.pk])).status_code == 404

    by_officer = _prima_facie(make_inquiry(classify=True), officer)
    with pytest.raises(Http404):
        services.prima_facie_sign_off(actor=officer2, inquiry_id=by_officer.pk, letter_format="docx")

    about_alternate = _prima_facie(make_inquiry(requester="officer2", classify=True), director)
    with pytest.raises(Http404):
        services.prima_facie_sign_off(actor=officer2, inquiry_id=about_alternate.pk, letter_format="docx")
    assert (
        client_for("officer2").get(reverse("retaliation-detail", args=[about_alternate.pk])).status_code
        == 200
    )
    assert RetaliationInquiry.objects.get(pk=about_alternate.pk).status == Status.SIGN_OFF


def test_a_returned_finding_goes_back_to_the_review(make_inquiry, officer, director):
    inquiry = _prima_facie(make_inquiry(classify=True), officer)
    services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk, approve=False)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.UNDER_REVIEW and inquiry.review_outcome == ReviewOutcome.PENDING
    assert inquiry.has_clock


# --- the determinations register -----------------------------------------------------------------


def _completed(people, n):
    from tests.retaliation.helpers import inquiry_make

    for _ in range(n):
        case = inquiry_make(people, kind="protection_request")
        services.review_complete(
            actor=people["officer"],
            inquiry_id=case.pk,
            findings=_findings(False),
            decision=services.ReviewDecision(outcome=ReviewOutcome.NO_PRIMA_FACIE),
            letter_format="docx",
        )


def test_the_register_lists_filters_and_exports(client_for, people, make_inquiry, officer, director):
    _completed(people, 1)
    referred = _prima_facie(make_inquiry(classify=True), officer)
    services.prima_facie_sign_off(actor=director, inquiry_id=referred.pk, letter_format="docx")
    make_inquiry(classify=True)  # still under review: not in the register
    client = client_for("director")
    page = client.get(reverse("retaliation-register")).content.decode()
    assert page.count("<tr><td><a href") == 2
    assert referred.service_request.ref in page
    only = client.get(reverse("retaliation-register"), {"outcome": "prima_facie"}).content.decode()
    assert only.count("<tr><td><a href") == 1 and referred.service_request.ref in only
    response = client.get(reverse("retaliation-register"), {"format": "csv", "outcome": "prima_facie"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Reference" and len(rows) == 2
    assert rows[1][0] == referred.service_request.ref and "OIOS" in rows[1][5]
    response = client.get(reverse("retaliation-register"), {"format": "xlsx"})
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 3
    assert AuditEvent.objects.filter(object_type="retaliation.register", action=Action.EXPORT).count() == 2
    assert client_for("staff").get(reverse("retaliation-register")).status_code == 404


def test_the_register_runs_a_flat_number_of_queries(client_for, people):
    client = client_for("director")
    assert_queries_flat(
        lambda: client.get(reverse("retaliation-register")),
        lambda n: _completed(people, n),
        few=1,
        many=6,
        what="completed reviews",
    )


def test_the_api_tells_the_complainant_what_is_awaited_and_shows_the_thread(
    client_for, make_inquiry, officer
):
    inquiry = make_inquiry(classify=True)
    services.review_pause(actor=officer, inquiry_id=inquiry.pk, reason="The appraisal e-mails")
    services.case_message_post(actor=officer, inquiry_id=inquiry.pk, body="Please send the e-mails.")
    body = client_for("staff").get(reverse("api-retaliation-request", args=[inquiry.pk])).json()
    assert body["status"] == "paused" and body["awaiting"] == "The appraisal e-mails"
    assert [(m["from_office"], m["body"]) for m in body["messages"]] == [(True, "Please send the e-mails.")]
    assert body["review_deadline"] and "notes" not in body
    office = client_for("officer").get(reverse("api-retaliation-request", args=[inquiry.pk])).json()
    assert office["messages"][0]["body"] == "Please send the e-mails."
    assert client_for("staff2").get(reverse("api-retaliation-request", args=[inquiry.pk])).status_code == 404


def test_the_case_page_thread_runs_a_flat_number_of_queries(client_for, make_inquiry, officer):
    inquiry = make_inquiry(classify=True)
    url = reverse("retaliation-detail", args=[inquiry.pk])
    staff, office = client_for("staff"), client_for("officer")

    def add(n):
        for i in range(n):
            services.case_message_post(actor=officer, inquiry_id=inquiry.pk, body=f"Question {i}")

    assert_queries_flat(lambda: (staff.get(url), office.get(url)), add, few=1, many=8, what="messages")


def test_the_directors_home_page_flags_the_new_request(client_for, make_inquiry):
    inquiry = make_inquiry(assign=None)
    page = client_for("director").get(reverse("home")).content.decode()
    assert "Retaliation: new requests not yet assigned" in page
    assert f"{inquiry.service_request.ref}: received 0 days ago" in page
    assert "new requests not yet assigned" in client_for("officer").get(reverse("home")).content.decode()
    assert "new requests not yet assigned" not in client_for("officer2").get(reverse("home")).content.decode()
