"""A case from request to closure through the pages, every stage rendered on the way."""

import datetime as dt
import io

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from retaliation.letters import render_letter
from retaliation.models import CorrectiveMeasure, InterimMeasure, LetterKind, RetaliationInquiry, Status

pytestmark = pytest.mark.django_db

# The action's prefix in the case page -> its URL name.
ACTION_URLS = {
    "assign": "retaliation-assign",
    "unassign": "retaliation-unassign",
    "classify": "retaliation-classify",
    "note": "retaliation-note-add",
    "action": "retaliation-action-add",
    "evidence": "retaliation-evidence-add",
    "pause": "retaliation-pause",
    "resume": "retaliation-resume",
    "review": "retaliation-review",
    "interim": "retaliation-interim",
    "interim-done": "retaliation-interim-implemented",
    "report": "retaliation-report",
    "determine": "retaliation-determination",
    "corrective": "retaliation-corrective",
    "corrective-done": "retaliation-corrective-implemented",
    "letter": "retaliation-letter-generate",
    "panel-review": "retaliation-panel-review",
    "sign-off": "retaliation-sign-off",
    "message": "retaliation-message",
}


def _act(client, inquiry, action, data, expect=302):
    response = client.post(reverse(ACTION_URLS[action], args=[inquiry.pk]), data)
    assert response.status_code == expect, response.content.decode()[:2000]
    page = client.get(reverse("retaliation-detail", args=[inquiry.pk]))
    assert page.status_code == 200
    inquiry.refresh_from_db()
    return page.content.decode()


def test_a_case_goes_from_request_to_closure_through_the_pages(
    client_for, make_inquiry, django_capture_on_commit_callbacks
):
    """Assign, classify, pause, resume, review, interim measure, report, determination, corrective measure."""
    inquiry = make_inquiry(assign=None)
    director, officer = client_for("director"), client_for("officer")
    officer_pk = RetaliationInquiry._meta.apps.get_model("auth", "User").objects.get(username="officer").pk
    _act(director, inquiry, "assign", {"assign-officer": officer_pk})
    _act(
        officer, inquiry, "classify", {"classify-kind": "protection_request", "classify-letter_format": "pdf"}
    )
    page = _act(officer, inquiry, "pause", {"pause-reason": "Awaiting the e-mails"})
    assert inquiry.status == Status.PAUSED and "Resume the clock" in page
    _act(officer, inquiry, "resume", {})
    today = timezone.localdate().isoformat()
    _act(
        officer,
        inquiry,
        "interim",
        {
            "interim-measure": "change_reporting",
            "interim-complainant_consent": "on",
            "interim-sent_to": "USG DM",
        },
    )
    measure = InterimMeasure.objects.get(inquiry=inquiry)
    _act(
        officer,
        inquiry,
        "interim-done",
        {
            "interim_done-measure_id": measure.pk,
            "interim_done-implemented": "yes",
            "interim_done-implemented_on": today,
        },
    )
    measure.refresh_from_db()
    assert measure.implemented and measure.complainant_consent
    with django_capture_on_commit_callbacks(execute=True):  # the letters follow the commit
        _act(
            officer,
            inquiry,
            "review",
            {
                "review-protected_activity_found": "yes",
                "review-protected_activity_reasoning": "Protected.",
                "review-contributing_factor_found": "yes",
                "review-contributing_factor_reasoning": "Contributing.",
                "review-outcome": "prima_facie",
                "review-investigation_body": "alternative",
                "review-investigation_body_name": "External panel of investigators",
                "review-letter_format": "docx",
            },
        )
    assert inquiry.status == Status.SIGN_OFF and inquiry.investigation_body_name
    assert not inquiry.letters.filter(kind=LetterKind.REFERRAL_MEMO).exists()  # nothing before sign-off
    _act(
        officer, inquiry, "sign-off", {"sign_off-decision": "approve", "sign_off-letter_format": "docx"}, 400
    )
    with django_capture_on_commit_callbacks(execute=True):
        _act(
            director, inquiry, "sign-off", {"sign_off-decision": "approve", "sign_off-letter_format": "docx"}
        )
    assert inquiry.status == Status.REFERRED and inquiry.prima_facie_signed_by.username == "director"
    _act(officer, inquiry, "report", {"report-received": today})
    assert inquiry.status == Status.DETERMINATION and inquiry.investigation_completed
    page = _act(
        officer, inquiry, "determine", {"determine-established": "yes", "determine-reasoning": "x"}, 400
    )
    assert inquiry.status == Status.DETERMINATION  # only the Director determines
    _act(
        director,
        inquiry,
        "determine",
        {"determine-established": "yes", "determine-reasoning": "Shown.", "determine-letter_format": "pdf"},
    )
    assert inquiry.status == Status.ESTABLISHED and inquiry.retaliation_established is True
    _act(director, inquiry, "corrective", {"corrective-description": "Transfer to another department"})
    assert inquiry.status == Status.CORRECTIVE
    measure = CorrectiveMeasure.objects.get(inquiry=inquiry)
    _act(officer, inquiry, "corrective-done", {"corrective_done-measure_id": measure.pk})
    assert inquiry.status == Status.CLOSED
    assert set(inquiry.letters.values_list("kind", flat=True)) == {
        LetterKind.REVIEW_OUTCOME,
        LetterKind.REFERRAL_MEMO,
        LetterKind.DETERMINATION,
        LetterKind.INTERIM_MEMO,  # the recommendation's memo to the decision-maker
    }
    staff_page = client_for("staff").get(reverse("retaliation-detail", args=[inquiry.pk])).content.decode()
    assert "Retaliation established" in staff_page and "Final determination" in staff_page


def test_a_chinese_letter_embeds_the_cjk_font(make_inquiry, officer):
    """A letter generated in Chinese is a PDF carrying Noto Sans CJK SC glyphs."""
    inquiry = make_inquiry(classify=True)
    with translation.override("zh-hans"):
        pdf = render_letter(inquiry, LetterKind.REVIEW_OUTCOME, "pdf")
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("CJK" in name for name in fonts), fonts
    assert "初步审查" in reader.pages[0].extract_text()


def test_the_clock_alerts_run_every_morning(make_inquiry, officer, django_capture_on_commit_callbacks):
    """Beat runs the clock alerts daily at 06:45; the task it names is registered and, run, alerts
    the officer of a review at day 30 and records it."""
    from celery.schedules import crontab

    from ethics_office.celery import app
    from retaliation import tasks

    entry = settings.CELERY_BEAT_SCHEDULE["retaliation-clock-alerts"]
    assert entry["schedule"] == crontab(hour=6, minute=45)
    assert entry["task"] in app.tasks and tasks.send_clock_alerts.name == entry["task"]

    inquiry = make_inquiry(classify=True)
    RetaliationInquiry.objects.filter(pk=inquiry.pk).update(
        review_started=timezone.localdate() - dt.timedelta(days=30)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the alert leaves through the outbox
        assert app.tasks[entry["task"]].apply().get() == 1
    assert [m.to for m in mail.outbox] == [[officer.email]]
    inquiry.refresh_from_db()
    assert inquiry.first_alert_sent_at is not None
