"""Signing in with two factors, and the API docs under the content-security policy, in a real browser."""

import pytest

from .conftest import current_code

pytestmark = pytest.mark.browser


def test_the_director_signs_in_with_password_and_code(page, people, settings):
    """Password, then the six digits of the authenticator: the Director reaches the home page."""
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "director")
    page.fill("input[name=password]", settings.DEMO_PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url("**/accounts/two-factor/**")
    page.fill("input[name=otp]", current_code("director"))
    page.click("button[type=submit].primary")
    page.wait_for_url(lambda url: "/accounts/" not in url)
    assert "Welcome, Elena Marchetti" in page.content()


def test_an_officer_without_a_code_is_refused(page, people, settings):
    """An officer with the right password but a wrong code stays at the code step and reaches no page."""
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", settings.DEMO_PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url("**/accounts/two-factor/**")
    page.fill("input[name=otp]", "000000")
    page.click("button[type=submit].primary")
    assert page.locator("#id_otp_error", has_text="That code is not valid").is_visible()
    page.goto("/advisory/")
    assert "/accounts/two-factor/" in page.url


def test_the_api_docs_list_the_operations_under_the_csp(page, login):
    """/api/docs/ renders Swagger UI with the operations listed, and the browser reports no CSP violation."""
    violations = []
    page.on(
        "console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    login("staff")
    page.goto("/api/docs/")
    page.wait_for_selector(".opblock", timeout=30_000)
    assert page.locator(".opblock").count() >= 10
    assert page.locator("text=/api/auth/token/").count() >= 1
    assert violations == []


def test_a_passkey_stands_in_for_the_code(page, login, people, settings, live_server):
    """The Director registers a passkey (a virtual authenticator) and signs in with password and passkey."""
    from django_otp_webauthn.models import WebAuthnCredential

    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    login("director")
    page.goto("/accounts/sessions/")
    page.click("#passkey-register-button")
    page.wait_for_function(
        "() => document.querySelector('#passkey-register-status-message')?.textContent.length > 0"
    )
    assert WebAuthnCredential.objects.filter(user=people["director"], confirmed=True).exists()

    # A new sign-in: password, then the passkey instead of the code.
    cookies = [c for c in page.context.cookies() if c["name"] != "sessionid"]
    page.context.clear_cookies()
    page.context.add_cookies(cookies)
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "director")
    page.fill("input[name=password]", settings.DEMO_PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url("**/accounts/two-factor/**")
    page.click("#passkey-verification-button")
    page.wait_for_url(lambda url: "/accounts/" not in url)
    assert "Welcome, Elena Marchetti" in page.content()
