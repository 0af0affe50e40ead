import pytest

from tests.disclosure.factories import CycleFactory, FilerFactory

pytestmark = pytest.mark.browser


def test_a_filer_saves_a_draft_submits_and_the_focal_point_sees_filed(page, login, people):
    """`staff` drafts and submits a statement; `focalpoint` (DM) then sees the filing as filed, with no content."""
    filer = FilerFactory(cycle=CycleFactory(), person=people["staff"].person, grade="P-3")
    login("staff")
    page.goto(f"/disclosure/filings/{filer.pk}/statement/")
    page.fill("#id_assets", "Shares in Acme Corp\nFlat in Geneva")
    page.click("button[name=save]")
    page.wait_for_load_state()
    assert "Draft saved." in page.locator(".messages").inner_text()
    assert "Flat in Geneva" in page.locator("#id_assets").input_value()
    page.click("button[name=submit]")
    page.wait_for_load_state()
    assert "Certify" in page.locator(".error").first.inner_text()
    page.check("#id_certify")
    page.click("button[name=submit]")
    page.wait_for_load_state()
    assert "submitted" in page.locator(".messages").inner_text()
    assert "Filed" in page.locator("#filing-status").inner_text()

    login("focalpoint")
    page.goto("/disclosure/compliance/")
    row = page.locator("tr", has_text="Amina Okafor")
    assert row.locator(".compliance-status").inner_text() == "Filed"
    assert "Acme" not in page.content()
