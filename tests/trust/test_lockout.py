"""Lockout per account (django-axes) and throttling per address across accounts."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.errors import ApplicationError
from ethics_office.site.lockout import account_unlock

pytestmark = pytest.mark.django_db
PASSWORD = "demo-password-2012"


def _fail(client, username, n, address="10.0.0.1"):
    for _ in range(n):
        client.post(reverse("login"), {"username": username, "password": "wrong"}, REMOTE_ADDR=address)


def test_twenty_wrong_passwords_lock_the_account_until_an_administrator_unlocks(people, code_of):
    """After 20 wrong passwords the right password (and code) are refused; an audited unlock opens it again."""
    client = Client()
    _fail(client, "director", 20)
    refused = client.post(reverse("login"), {"username": "director", "password": PASSWORD})
    assert refused.status_code == 429 and "_auth_user_id" not in client.session
    api = APIClient().post(
        reverse("api-token"),
        {"username": "director", "password": PASSWORD, "otp": code_of("director")},
        format="json",
    )
    assert api.status_code == 429 and api.json()["error"]["code"] == "locked_out"
    assert AuditEvent.objects.filter(
        action=Action.LOGIN_FAILED, actor_label="director", fields=["locked_out"]
    ).exists()

    with pytest.raises(ApplicationError):
        account_unlock(actor=people["director"], user=people["director"])
    account_unlock(actor=people["admin"], user=people["director"])
    assert AuditEvent.objects.filter(action=Action.PERMISSION_CHANGE, fields=["lockout"]).exists()
    opened = Client().post(reverse("login"), {"username": "director", "password": PASSWORD})
    assert opened.status_code == 302


def test_the_lock_ends_after_the_cool_off(people, settings):
    """Failures older than the cool-off no longer count."""
    from datetime import timedelta

    from axes.models import AccessAttempt
    from django.utils import timezone

    _fail(Client(), "staff", 20)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    )
    assert Client().post(reverse("login"), {"username": "staff", "password": PASSWORD}).status_code == 302


def test_one_attacker_does_not_lock_out_the_others_behind_the_same_address(people):
    """Locking `staff` from an address leaves `staff2` free to sign in from that same address."""
    _fail(Client(), "staff", 20, address="10.0.0.9")
    ok = Client().post(reverse("login"), {"username": "staff2", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert ok.status_code == 302


def test_many_accounts_from_one_address_are_throttled(people, settings):
    """Failures across many accounts from one address throttle that address's sign-in forms and token endpoint."""
    settings.AUTH_ADDRESS_FAILURE_LIMIT = 5
    client = Client()
    for i in range(5):
        client.post(reverse("login"), {"username": f"guess{i}", "password": "x"}, REMOTE_ADDR="10.1.1.1")
    blocked = client.post(
        reverse("login"), {"username": "staff", "password": PASSWORD}, REMOTE_ADDR="10.1.1.1"
    )
    assert blocked.status_code == 429
    api = APIClient().post(
        reverse("api-token"),
        {"username": "staff", "password": PASSWORD},
        format="json",
        REMOTE_ADDR="10.1.1.1",
    )
    assert api.status_code == 429 and api.json()["error"]["code"] == "throttled"
    reset = client.post(reverse("password_reset"), {"email": "staff@example.un.org"}, REMOTE_ADDR="10.1.1.1")
    assert reset.status_code == 429
    elsewhere = Client().post(
        reverse("login"), {"username": "staff", "password": PASSWORD}, REMOTE_ADDR="10.2.2.2"
    )
    assert elsewhere.status_code == 302


def test_the_token_endpoint_has_a_rate_limit(people, monkeypatch):
    """The token endpoint answers 429 past its per-address rate."""
    from ethics_office.site.lockout import SignInThrottle

    monkeypatch.setattr(SignInThrottle, "THROTTLE_RATES", {"sign_in": "3/minute"})
    api = APIClient()
    codes = [
        api.post(reverse("api-token"), {"username": "staff", "password": PASSWORD}, format="json").status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]


def test_unauthenticated_api_calls_are_throttled_per_address(people, monkeypatch):
    """Past the anonymous rate, the token endpoint answers 429 to an address that is not signed in."""
    from ethics_office.site.lockout import AnonymousThrottle

    monkeypatch.setattr(AnonymousThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    api = APIClient()
    codes = [
        api.post(reverse("api-token"), {"username": "nobody", "password": "x"}, format="json").status_code
        for _ in range(3)
    ]
    assert codes == [400, 400, 429]


def test_the_account_security_admin_unlocks_and_resets(people, client_for):
    """Django admin → Account security lists accounts and runs the audited unlock and reset actions."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _fail(Client(), "officer", 20)
    admin = client_for("admin")
    url = reverse("admin:site_accountsecurity_changelist")
    assert admin.get(url).status_code == 200
    pk = str(people["officer"].pk)
    admin.post(url, {"action": "unlock", "_selected_action": [pk]})
    assert Client().post(reverse("login"), {"username": "officer", "password": PASSWORD}).status_code == 302
    admin.post(url, {"action": "reset_second_factor", "_selected_action": [pk]})
    assert TOTPDevice.objects.filter(user=people["officer"]).exists()  # asked, not applied
    from ethics_office.organisation.models import AccessChangeRequest

    asked = AccessChangeRequest.objects.get(kind="second_factor_reset", user=people["officer"])
    director = client_for("director")
    director.post(reverse("access-change-decision", args=[asked.pk, "approve"]))
    assert not TOTPDevice.objects.filter(user=people["officer"]).exists()
    assert client_for("director").get(url).status_code == 302


def test_the_account_security_list_costs_the_same_queries_for_few_and_many_accounts(people, client_for):
    """The admin list's columns are annotations: 30 more accounts cost no more queries."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin = client_for("admin")
    url = reverse("admin:site_accountsecurity_changelist")
    admin.get(url)
    with CaptureQueriesContext(connection) as few:
        admin.get(url)
    for i in range(30):
        user = get_user_model().objects.create_user(f"extra{i}", password="x" * 16)
        _fail(Client(), user.username, 2)
    with CaptureQueriesContext(connection) as many:
        assert admin.get(url).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)
