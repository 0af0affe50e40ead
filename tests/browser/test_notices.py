import datetime as dt

import pytest
from django.utils import timezone

from tests.disclosure.factories import CycleFactory, FilerFactory

pytestmark = pytest.mark.browser


def test_an_officer_sends_the_notices_and_sees_the_focal_point_and_the_flag(page, login, people):
    """An officer sends this month's notices, opens the notices page, and sees DM's one notice with
    its focal point as recipient, sent, and UNOG (no focal point) flagged and not sent."""
    today = timezone.localdate()
    cycle = CycleFactory(
        year=today.year, opens_on=today - dt.timedelta(days=90), deadline=today - dt.timedelta(days=10)
    )
    FilerFactory(cycle=cycle, person=people["staff"].person, grade="P-3")  # DM
    FilerFactory(cycle=cycle, person=people["staff2"].person, grade="P-4")  # UNOG
    login("officer")
    page.goto("/disclosure/compliance/")
    page.click("main >> text=Non-compliance notices")
    page.wait_for_url("**/disclosure/notices/")
    page.click("text=Send this month's non-compliance notices now")
    page.wait_for_load_state()
    assert (
        "1 notices queued for delivery; 1 entities have no focal point"
        in page.locator(".messages").inner_text()
    )
    page.reload()
    dm = page.locator("tr.notice[data-entity=DM]")
    assert dm.count() == 1
    assert "focalpoint@example.un.org" in dm.inner_text()
    assert "Sent" in dm.inner_text()
    unog = page.locator("tr.notice[data-entity=UNOG]")
    assert "No focal point — not sent" in unog.inner_text()
    assert "notice-no_recipient" in unog.get_attribute("class")
    dm.locator("summary").click()
    assert "Amina Okafor" in dm.locator("pre").inner_text()
