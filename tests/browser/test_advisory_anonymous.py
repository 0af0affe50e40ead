"""In a real browser: an anonymous person asks, leaves, comes back with the code and reads the reply."""

import pytest

from advisory.models import AdviceRequest
from ethics_office.audit.models import AuditEvent
from ethics_office.outbox.models import OutboxMessage

pytestmark = pytest.mark.browser


def test_anonymous_question_reply_read_with_the_receipt_code(page, login, browser, live_server):
    """No account: ask, note the code, leave; the officer replies in the browser; come back and read it."""
    page.context.clear_cookies()
    page.goto("/advisory/anonymous/")
    page.check("input[name=category][value=outside_activities]")
    page.fill("textarea[name=question]", "May I accept a paid speaking invitation from a supplier?")
    page.click("button[type=submit].primary")
    page.wait_for_selector("[data-receipt]")
    receipt = page.locator("[data-receipt]").inner_text().strip()
    ref = page.locator(".ref").inner_text()
    assert len(receipt.replace("-", "")) >= 16
    req = AdviceRequest.objects.get(service_request__ref=ref)
    assert req.service_request.channel == "anonymous_web"
    page.context.clear_cookies()  # the person leaves

    login("officer")
    page.goto("/advisory/queue/")
    page.click(f"text={ref}")
    page.select_option("select[name=officer]", label="officer")
    page.click("button:has-text('Assign')")
    page.wait_for_selector("text=The request is assigned.")
    page.fill("textarea[name=body] >> nth=0", "Decline the payment; you may speak unpaid with approval.")
    page.click("button:has-text('Send to requester')")
    page.wait_for_selector("text=Decline the payment")
    assert not OutboxMessage.objects.filter(kind="advisory.reply_notice").exists()

    # Back, anonymous, in a fresh browser context: only the code.
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    anon = context.new_page()
    anon.goto("/advisory/anonymous/thread/")
    anon.fill("input[name=receipt]", "2222-2222-2222-2222-2222")
    anon.click("button[type=submit].primary")
    assert "Decline the payment" not in anon.content()  # a wrong code shows nothing
    anon.goto("/advisory/anonymous/thread/")
    anon.fill("input[name=receipt]", receipt.lower())
    anon.click("button[type=submit].primary")
    anon.wait_for_selector("text=Decline the payment; you may speak unpaid with approval.")
    anon.fill("textarea[name=body]", "Thank you, I will decline the fee.")
    anon.click("button[type=submit].primary")
    anon.wait_for_selector("text=Your message is sent.")
    context.close()
    req.refresh_from_db()
    assert req.requester_wrote_at is not None
    notice = OutboxMessage.objects.get(kind="advisory.requester_message")
    assert "decline the fee" not in notice.body
    anonymous_events = AuditEvent.objects.filter(actor_label="anonymous")
    assert anonymous_events.exists()
    assert not anonymous_events.exclude(client_address=None).exists()
