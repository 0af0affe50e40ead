"""API tokens are stored hashed and expire (idle and absolute), die at password change, logout and role
change; browser sessions get a new key at sign-in and can all be ended by their owner."""

import hashlib
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from ethics_office.base.roles import Role
from ethics_office.organisation.services import role_grant
from ethics_office.site.models import ApiToken

pytestmark = pytest.mark.django_db
PASSWORD = "demo-password-2012"


def _token(username="staff", **extra):
    response = APIClient().post(
        reverse("api-token"), {"username": username, "password": PASSWORD, **extra}, format="json"
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def _me(token):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api.get(reverse("api-me")).status_code


def test_tokens_are_stored_as_digests_and_each_login_gets_a_new_one(people):
    """The database holds only the SHA-256 of the key; a second login gives a different key."""
    first, second = _token(), _token()
    assert first != second
    digests = set(ApiToken.objects.values_list("digest", flat=True))
    assert hashlib.sha256(first.encode()).hexdigest() in digests
    assert first not in digests and _me(first) == 200


def test_an_idle_token_and_an_old_token_expire(people, settings):
    """A token unused for the idle time, or older than its absolute age, no longer authenticates."""
    idle = _token()
    ApiToken.objects.update(last_used=timezone.now() - timedelta(seconds=settings.API_TOKEN_IDLE_SECONDS + 1))
    assert _me(idle) == 401
    old = _token()
    ApiToken.objects.update(expires=timezone.now() - timedelta(seconds=1))
    assert _me(old) == 401
    assert not ApiToken.objects.exists()


def test_a_password_change_revokes_tokens(people):
    """After the password changes, the old token answers 401."""
    token = _token()
    user = people["staff"]
    user.set_password("a-new-password-for-staff-2026")
    user.save()
    assert _me(token) == 401


def test_a_role_change_revokes_tokens(people):
    """Granting a role to the token's owner revokes the token."""
    token = _token()
    role_grant(actor=people["admin"], user=people["staff"], role=Role.FOCAL_POINT)
    assert _me(token) == 401


def test_logout_revokes_the_token(people):
    """POST /api/auth/logout/ with a token ends that token."""
    token = _token()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.post(reverse("api-token-revoke")).status_code == 204
    assert _me(token) == 401


def test_the_session_key_changes_at_sign_in(people):
    """The anonymous session's key is not the signed-in session's key."""
    client = Client()
    client.get(reverse("login"))
    session = client.session
    session["probe"] = 1
    session.save()
    before = session.session_key
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})
    assert client.session.session_key != before


def test_a_person_sees_their_sessions_and_signs_out_of_all(people):
    """Two sign-ins show on the sessions page; signing out of all ends both, and the API token too."""
    first, second = Client(), Client()
    for c in (first, second):
        c.post(
            reverse("login"), {"username": "staff", "password": PASSWORD}, HTTP_USER_AGENT="ProbeBrowser/1"
        )
    token = _token()
    other = Client()
    other.post(reverse("login"), {"username": "staff2", "password": PASSWORD})
    page = first.get(reverse("account-sessions")).content.decode()
    assert page.count("ProbeBrowser/1") == 2
    assert first.post(reverse("account-sessions")).status_code == 302
    assert second.get(reverse("home")).status_code == 302
    assert first.get(reverse("home")).status_code == 302
    assert _me(token) == 401
    assert other.get(reverse("home")).status_code == 200
    assert Session.objects.count() >= 1
