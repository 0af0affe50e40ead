import datetime as dt
import re

import pytest
from django.utils import timezone

from retaliation import services
from retaliation.models import RetaliationInquiry

pytestmark = pytest.mark.browser

NOTE = "Spoke with the second reporting officer; keep confidential."


def _submit(page, path):
    page.locator(f"form[action$='/{path}/'] button[type=submit]").click()
    page.wait_for_load_state()


def test_staff_requests_protection_officer_finds_prima_facie_staff_sees_status_and_letter(
    page, login, people
):
    """`staff` asks for protection; `officer`, assigned by the Director, records a prima facie review and the
    referral; `staff` then sees the new status and the letter, never the office's notes."""
    day = (timezone.localdate() - dt.timedelta(days=7)).isoformat()

    login("staff")
    page.goto("/retaliation/request/")
    page.check("input[name=protected_activity][value=reported_misconduct]")
    page.fill("input[name=reported_to]", "OIOS hotline")
    page.fill("input[name=reported_on]", day)
    page.fill("textarea[name=narrative]", "I reported bid rigging; then my appraisal was downgraded.")
    page.fill("input[name='actions-0-occurred_on']", day)
    page.fill("input[name='actions-0-taken_by']", "First reporting officer")
    page.fill("textarea[name='actions-0-description']", "Downgraded my performance appraisal")
    page.click("form.intake button[type=submit]")
    page.wait_for_url(re.compile(r"/retaliation/\d+/$"))
    confirmation = page.locator(".messages").inner_text()
    inquiry = RetaliationInquiry.objects.get()
    assert inquiry.service_request.ref in confirmation

    # The Director assigns the case (through the service, as the page would).
    services.inquiry_assign(actor=people["director"], inquiry_id=inquiry.pk, officer=people["officer"])

    login("officer")
    page.goto(f"/retaliation/{inquiry.pk}/")
    page.check("input[name='classify-kind'][value=protection_request]")
    _submit(page, "classify")
    assert "Preliminary review" in page.locator("#case-status").inner_text()
    page.fill("textarea[name='note-text']", NOTE)
    _submit(page, "notes")
    page.select_option("select[name='review-protected_activity_found']", "yes")
    page.fill("textarea[name='review-protected_activity_reasoning']", "A report to OIOS is protected.")
    page.select_option("select[name='review-contributing_factor_found']", "yes")
    page.fill("textarea[name='review-contributing_factor_reasoning']", "The downgrade followed within weeks.")
    page.check("input[name='review-outcome'][value=prima_facie]")
    page.select_option("select[name='review-investigation_body']", "oios")
    page.select_option("select[name='review-letter_format']", "pdf")
    _submit(page, "review")
    # Two-person rule: nothing goes out until the Director signs the finding off.
    assert "awaiting the Director's sign-off" in page.locator("#case-status").inner_text()

    login("director")
    page.goto(f"/retaliation/{inquiry.pk}/")
    page.check("input[name='sign_off-decision'][value=approve]")
    page.select_option("select[name='sign_off-letter_format']", "pdf")
    _submit(page, "sign-off")
    assert "Referred for investigation" in page.locator("#case-status").inner_text()
    letters = page.locator("ul.letters").inner_text()
    assert "Referral memorandum for investigation" in letters
    assert "Outcome of the preliminary review" in letters

    login("staff")
    page.goto(f"/retaliation/{inquiry.pk}/")
    assert "Referred for investigation" in page.locator("#case-status").inner_text()
    body = page.locator("main").inner_text()
    assert NOTE not in body
    assert "A report to OIOS is protected." not in body
    assert "Referral memorandum" not in body
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Outcome of the preliminary review")).click()
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_a_complainant_files_is_asked_for_information_answers_and_reads_a_reasoned_signed_letter(
    page, login, people
):
    """`staff` files; the officer pauses the clock asking for e-mails; `staff` sees what is awaited and
    answers in the thread; the officer resumes and records the review; `staff` reads the outcome
    letter with both tests' reasoning, the legal basis and the Director's name."""
    from pypdf import PdfReader

    day = (timezone.localdate() - dt.timedelta(days=7)).isoformat()
    login("staff")
    page.goto("/retaliation/request/")
    page.check("input[name=protected_activity][value=cooperated]")
    page.fill("input[name=reported_to]", "OIOS investigation 2012/041")
    page.fill("input[name=reported_on]", day)
    page.fill("textarea[name=narrative]", "I testified in an investigation; my contract was not renewed.")
    page.fill("input[name='actions-0-occurred_on']", day)
    page.fill("input[name='actions-0-taken_by']", "Chief of section")
    page.fill("textarea[name='actions-0-description']", "Did not renew my contract")
    page.click("form.intake button[type=submit]")
    page.wait_for_url(re.compile(r"/retaliation/\d+/$"))
    inquiry = RetaliationInquiry.objects.get()
    assert "I testified in an investigation" in page.locator("#submitted").inner_text()
    services.inquiry_assign(actor=people["director"], inquiry_id=inquiry.pk, officer=people["officer"])

    login("officer")
    page.goto(f"/retaliation/{inquiry.pk}/")
    page.check("input[name='classify-kind'][value=protection_request]")
    _submit(page, "classify")
    page.locator("#review details summary").first.click()
    page.fill("input[name='pause-reason']", "The e-mail telling you the contract would not be renewed")
    _submit(page, "pause")
    assert "awaiting the complainant" in page.locator("#case-status").inner_text()

    login("staff")
    page.goto(f"/retaliation/{inquiry.pk}/")
    awaited = page.locator("#awaited").inner_text()
    assert "waiting for information from you" in awaited
    assert "The e-mail telling you the contract would not be renewed" in awaited
    page.fill(
        "textarea[name='message-body']",
        "The e-mail of 3 May is attached to my request; it came from the chief.",
    )
    _submit(page, "messages")
    assert "The e-mail of 3 May" in page.locator("#thread").inner_text()

    login("officer")
    page.goto(f"/retaliation/{inquiry.pk}/")
    assert "The e-mail of 3 May" in page.locator("#thread").inner_text()
    _submit(page, "resume")
    assert "Preliminary review" in page.locator("#case-status").inner_text()
    page.select_option("select[name='review-protected_activity_found']", "yes")
    page.fill("textarea[name='review-protected_activity_reasoning']", "Testifying to OIOS is cooperation.")
    page.select_option("select[name='review-contributing_factor_found']", "no")
    page.fill(
        "textarea[name='review-contributing_factor_reasoning']",
        "The post was abolished before the testimony.",
    )
    page.check("input[name='review-outcome'][value=no_prima_facie]")
    page.select_option("select[name='review-letter_format']", "pdf")
    _submit(page, "review")
    assert "Closed" in page.locator("#case-status").inner_text()

    login("staff")
    page.goto(f"/retaliation/{inquiry.pk}/")
    assert "The case is closed." in page.locator("#status-explained").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Outcome of the preliminary review")).click()
    text = " ".join(p.extract_text() for p in PdfReader(download_info.value.path()).pages)
    text = " ".join(text.split())
    assert "Testifying to OIOS is cooperation." in text
    assert "The post was abolished before the testimony." in text
    assert "ST/SGB/2005/21" in text and "section 5.2" in text
    assert "Elena Marchetti" in text and "Director, Ethics Office" in text
