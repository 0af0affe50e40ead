"""Token login, the one error shape, and who-am-I."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_a_token_is_issued_for_good_credentials_and_works(people):
    """POST /api/auth/token/ with username and password answers a token that authenticates later calls."""
    api = APIClient()
    response = api.post(
        reverse("api-token"), {"username": "staff", "password": "demo-password-2012"}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = api.get(reverse("api-me")).json()
    assert me["username"] == "staff" and me["roles"] == ["staff"]
    assert me["person"]["entity"] == "DM"


def test_bad_credentials_get_the_error_shape(people):
    """A wrong password answers 400 with {"error": {"code", "message", "fields"}} and no token."""
    response = APIClient().post(
        reverse("api-token"), {"username": "staff", "password": "nope"}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["error"]["code"] == "invalid_credentials"
    assert set(body["error"]) == {"code", "message", "fields"}


def test_missing_fields_are_named(people):
    """A token request without a password names the password field."""
    response = APIClient().post(reverse("api-token"), {"username": "staff"}, format="json")
    assert response.status_code == 400
    assert "password" in response.json()["error"]["fields"]


def test_anonymous_calls_get_401_in_the_error_shape():
    """Without credentials the API answers 401 with a Token challenge."""
    response = APIClient().get(reverse("api-me"))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Token")


def test_the_schema_is_served_to_signed_in_users(client_for):
    """The OpenAPI schema and its interactive docs are served under /api/."""
    c = client_for("officer")
    schema = c.get(reverse("api-schema"), {"format": "json"})
    assert schema.status_code == 200
    assert "/api/auth/token/" in schema.json()["paths"]
    assert c.get(reverse("api-docs")).status_code == 200
