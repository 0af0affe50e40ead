"""The outbox page and GET /api/outbox/: envelopes by status, content only where the reader may see it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ethics_office.outbox.models import Audience, OutboxMessage, Status

pytestmark = pytest.mark.django_db


def _message(n, **kwargs):
    defaults = {
        "key": f"page:{n}",
        "kind": "test",
        "to": [f"p{n}@example.un.org"],
        "subject": f"Subject {n}",
        "body": f"Body {n}",
    }
    return OutboxMessage.objects.create(**{**defaults, **kwargs})


def test_a_failed_message_shows_its_error_attempts_and_retry_time(client_for, people):
    retry = timezone.now() + timezone.timedelta(minutes=4)
    _message(1, status=Status.FAILED, attempts=2, last_error="SMTPConnectError: 421", next_attempt_at=retry)
    page = client_for("director").get(reverse("outbox-messages"), {"status": "failed"}).content.decode()
    assert "SMTPConnectError: 421" in page
    assert timezone.localtime(retry).strftime("%Y-%m-%d %H:%M:%S") in page
    assert "Subject 1" in page


def test_content_is_shown_only_to_those_who_may_read_it(client_for, people):
    """A password-reset link is shown to nobody; personal mail to the Director and its recipient;
    administrators see envelopes only."""
    _message(1, audience=Audience.NOBODY, subject="Password reset", body="https://reset/secret")
    _message(2, audience=Audience.RECIPIENTS, to=[people["officer2"].email], subject="For officer2")
    _message(3, audience=Audience.OFFICE, subject="Office notice")
    pages = {
        role: client_for(role).get(reverse("outbox-messages")).content.decode()
        for role in ("director", "officer", "officer2", "admin")
    }
    assert all("reset/secret" not in p and "Password reset" not in p for p in pages.values())
    assert "For officer2" in pages["director"] and "For officer2" in pages["officer2"]
    assert "For officer2" not in pages["officer"]
    assert "Office notice" in pages["officer"]
    assert "Office notice" not in pages["admin"] and "p3@example.un.org" in pages["admin"]
    api = client_for("admin").get(reverse("api-outbox-messages")).json()
    assert {r["subject"] for r in api["results"]} == {None}
    api = client_for("director").get(reverse("api-outbox-messages"), {"status": "queued"}).json()
    assert {r["subject"] for r in api["results"]} == {None, "For officer2", "Office notice"}


def test_staff_and_focal_points_cannot_see_the_outbox(client_for, people):
    assert client_for("staff").get(reverse("outbox-messages")).status_code == 404
    assert client_for("focalpoint").get(reverse("api-outbox-messages")).status_code == 403


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_outbox_lists_cost_the_same_for_1_or_50_messages(client_for, people):
    director = client_for("director")
    _message(0)
    director.get(reverse("outbox-messages"))  # warm the session
    one = {u: _queries(director, reverse(u)) for u in ("outbox-messages", "api-outbox-messages")}
    for n in range(1, 50):
        _message(n)
    fifty = {u: _queries(director, reverse(u)) for u in ("outbox-messages", "api-outbox-messages")}
    assert one == fifty
