"""An administrator asks to reset an officer's second factor; nothing changes until the Director
approves it on the access changes page; the officer then enrols again at sign-in."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.browser


def test_a_second_factor_reset_waits_for_a_second_person(page, login, people):
    officer = people["officer"]
    login("admin")
    page.goto("/admin/site/accountsecurity/")
    page.check(f"input[name=_selected_action][value='{officer.pk}']")
    page.select_option("select[name=action]", "reset_second_factor")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist")
    assert "reset asked" in page.locator(".messagelist").inner_text()
    assert TOTPDevice.objects.filter(user=officer).exists()

    page.goto("/access/changes/")
    row = page.locator("tr", has_text="Reset a second factor")
    assert "Another person decides this one." in row.inner_text()

    login("director")
    page.goto("/access/changes/")
    page.locator("tr", has_text="Reset a second factor").get_by_role("button", name="Approve").click()
    page.wait_for_load_state()
    assert "Approved and applied." in page.locator("main").inner_text()
    assert not TOTPDevice.objects.filter(user=officer).exists()

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", "demo-password-2012")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/accounts/two-factor/**")
    assert page.locator("svg").count() >= 1  # enrol again: the QR code of a new authenticator
