"""Bad input at the edges answers 400 in the right shape; private pages are never cached; health tells the truth."""

import json

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_nul_in_an_api_query_parameter_is_a_400_naming_it(client_for):
    response = client_for("officer").get("/api/advisory/requests/?status=%00")
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "status": ["A query parameter may not contain a NUL character."]
    }


def test_a_nul_in_a_page_query_parameter_is_a_400(client_for):
    response = client_for("officer").get(reverse("advisory-queue") + "?q=a%00b")
    assert response.status_code == 400 and b"q:" in response.content


def test_json_nested_a_hundred_thousand_deep_is_a_400(client_for):
    body = "[" * 100_000 + "]" * 100_000
    response = client_for("staff").post(
        reverse("api-advice-requests"), data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_a_json_body_over_the_limit_is_a_400(client_for, settings):
    settings.API_MAX_JSON_BYTES = 1024
    body = json.dumps({"category": "other", "question": "x" * 2000})
    response = client_for("staff").post(
        reverse("api-advice-requests"), data=body, content_type="application/json"
    )
    assert response.status_code == 400 and "larger than 1 KB" in response.json()["error"]["message"]


def test_signed_in_pages_and_the_api_are_not_cached(client_for):
    c = client_for("staff")
    assert c.get(reverse("home"))["Cache-Control"] == "no-store, private"
    assert "no-store" in c.get(reverse("api-me"))["Cache-Control"]


def test_an_unknown_api_address_answers_in_the_error_shape(client_for):
    response = client_for("staff").get("/api/no-such-thing/")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_an_api_failure_answers_in_the_error_shape(people, monkeypatch):
    from ethics_office.site import api

    def broken(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr(api.MeView, "get", broken)
    c = Client(raise_request_exception=False)
    c.force_login(people["staff"])
    response = c.get(reverse("api-me"))
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error" and "boom" not in response.content.decode()


def test_health_reports_the_database_and_the_broker(client, settings):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


def test_health_is_503_with_the_broker_down(client, settings):
    settings.REDIS_URL = settings.CELERY_BROKER_URL = "redis://127.0.0.1:6397/0"  # nothing listens there
    response = client.get(reverse("healthz"))
    assert response.status_code == 503 and response.json()["broker"] == "unreachable"


@pytest.mark.parametrize(
    "url",
    [
        "/disclosure/public/?cycle=%C2%B2",
        "/disclosure/compliance/?cycle=%C2%B2",
        "/disclosure/compliance.csv?cycle=99999999999999999999",
        "/api/disclosure/compliance/?cycle=%C2%B2",
        "/disclosure/conflicts/?cycle=%C2%B2&owner=%C2%B2",
        "/api/advisory/requests/?older_than=800000",
        "/advisory/queue/?older_than=800000",
        "/advisory/queue/?older_than=%C2%B2",
    ],
)
def test_odd_numbers_in_addresses_never_give_a_500(client_for, url):
    """ "²" passes str.isdigit() and a 20-digit year overflows the database: neither may reach a query."""
    from django.test import Client

    for who in ("focalpoint", "director", "officer", None):
        client = client_for(who) if who else Client()
        client.raise_request_exception = False
        response = client.get(url)
        assert response.status_code < 500, (who, url, response.status_code)
        if url.startswith("/api/") and response.status_code == 400:
            assert response.json()["error"]["fields"]


def test_a_records_line_nested_a_hundred_thousand_deep_is_a_line_error():
    """The records import reports such a line like any other line that is not a JSON object."""
    from reports.records.services import ImportRejected, records_import

    with pytest.raises(ImportRejected) as rejected:
        records_import(actor=None, lines=["[" * 100_000 + "]" * 100_000], dry_run=True)
    assert [e.line for e in rejected.value.errors] == [1]


def test_the_language_cookie_is_same_site_and_secure_in_production():
    from tests.site.test_settings import PROD_ENV, _run

    script = (
        "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ethics_office.settings'); import django; "
        "django.setup(); from django.conf import settings as s; print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_SAMESITE)"
    )
    assert _run(["-c", script], PROD_ENV).stdout.strip() == "True Lax"
