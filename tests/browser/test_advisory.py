"""In a real browser: staff asks, officer assigns and answers, staff reads the answer, never the note."""

import pytest
from django.core import mail

from advisory.models import AdviceRequest

pytestmark = pytest.mark.browser


def test_staff_asks_officer_answers_and_the_internal_note_stays_inside(page, login):
    """`staff` asks; `officer` assigns it to themself, notes, replies and advises; `staff` reads the answer."""
    login("staff")
    page.goto("/advisory/ask/")
    page.check("input[name=category][value=outside_activities]")
    page.fill("textarea[name=question]", "May I teach an evening course at the local university?")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/submitted/")
    ref = page.locator(".ref").inner_text()
    assert ref.startswith("ADV-")
    req = AdviceRequest.objects.get(service_request__ref=ref)

    login("officer")
    page.goto("/advisory/queue/")
    page.click(f"text={ref}")
    page.select_option("select[name=officer]", label="officer")
    page.click("button:has-text('Assign')")
    page.wait_for_selector("text=The request is assigned.")
    page.fill("#notes-heading ~ form textarea[name=body]", "INTERNAL: check the university's funding source.")
    page.click("button:has-text('Add note')")
    page.wait_for_selector("text=The note is saved.")
    page.select_option("select[name=to]", "in_progress")
    page.click("button:has-text('Change status')")
    page.wait_for_selector("text=The status is changed.")
    page.fill("textarea[name=advice]", "You may teach one evening course with prior approval.")
    page.select_option("select[name=outcome]", "advised")
    page.click("button:has-text('Record the outcome')")
    page.wait_for_selector("text=The outcome is recorded.")

    login("staff")
    page.goto("/advisory/mine/")
    page.click(f"text={ref}")
    body = page.locator("main").inner_text()
    assert "You may teach one evening course with prior approval." in body
    assert "INTERNAL" not in page.content()
    assert "Internal notes" not in body
    req.refresh_from_db()
    assert req.status == "advised"
    notices = [m for m in mail.outbox if ref in m.subject]
    assert len(notices) == 1 and "evening course" not in notices[0].body
