"""The audit trail is append-only, hash-chained, and records logins and failed logins."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from ethics_office.audit.models import Action, AuditEvent
from ethics_office.audit.services import audit_record, audit_verify

pytestmark = pytest.mark.django_db


def _events(n, actor=None):
    return [
        audit_record(
            actor=actor, action=Action.UPDATE, object_type="test.thing", object_id=i, fields=["status"]
        )
        for i in range(n)
    ]


def test_each_event_links_to_the_previous_ones_hash():
    """Every event's prev_hash is the hash of the event before it; the chain verifies."""
    first, second, third = _events(3)
    assert second.prev_hash == first.hash and third.prev_hash == second.hash
    checked, broken, _ = audit_verify()
    assert broken is None and checked == AuditEvent.objects.count()


def test_postgresql_refuses_update_of_an_audit_event():
    """An UPDATE on the audit table fails in the database itself."""
    (event,) = _events(1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(actor_label="someone else")
    event.refresh_from_db()
    assert event.actor_label == ""


def test_postgresql_refuses_delete_of_an_audit_event():
    """A DELETE on the audit table fails in the database itself; the row stays."""
    (event,) = _events(1)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_verify_audit_reports_the_first_edited_row():
    """If someone with database rights edits a row behind the trigger, verify_audit names that event."""
    events = _events(4)
    call_command("verify_audit")  # intact
    tampered = events[1]
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_no_update_delete")
        cursor.execute("UPDATE audit_auditevent SET fields = '[\"nothing\"]' WHERE id = %s", [tampered.pk])
        cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_no_update_delete")
    with pytest.raises(CommandError, match=f"broken at event {tampered.pk} "):
        call_command("verify_audit")


def test_login_and_failed_login_are_audited_with_the_client_address(client, staff):
    """A failed login leaves a login_failed event naming the attempted user; a good one a login event."""
    client.post(reverse("login"), {"username": "staff", "password": "wrong"}, REMOTE_ADDR="10.1.2.3")
    failed = AuditEvent.objects.filter(action=Action.LOGIN_FAILED).latest("id")
    assert failed.actor_label == "staff" and failed.client_address == "10.1.2.3"
    assert "wrong" not in failed.content_for_hash()
    client.post(
        reverse("login"), {"username": "staff", "password": "demo-password-2012"}, REMOTE_ADDR="10.1.2.3"
    )
    ok = AuditEvent.objects.filter(action=Action.LOGIN).latest("id")
    assert ok.actor == staff and ok.client_address == "10.1.2.3"


def test_only_the_director_browses_the_trail(client_for):
    """The Director sees the trail and can filter it by action; an officer gets 404."""
    _events(2)
    response = client_for("director").get(reverse("audit-events"), {"action": "update"})
    assert response.status_code == 200
    assert "test.thing" in response.content.decode()
    assert client_for("officer").get(reverse("audit-events")).status_code == 404


def test_audit_api_is_read_only(client_for):
    """The trail's API answers GET to the Director and refuses writes."""
    c = client_for("director")
    assert c.get(reverse("api-audit-events")).status_code == 200
    assert c.post(reverse("api-audit-events"), {}).status_code == 405
