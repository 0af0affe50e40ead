"""The audit trail is append-only, sealed into a keyed chain anchored outside the database, and
records logins and failed logins."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from ethics_office.audit.models import Action, AuditEvent, AuditPending, AuditSeal
from ethics_office.audit.services import (
    audit_checkpoint_write,
    audit_record,
    audit_seal_pending,
    audit_verify,
)

pytestmark = pytest.mark.django_db


def _events(n, actor=None):
    return [
        audit_record(
            actor=actor, action=Action.UPDATE, object_type="test.thing", object_id=i, fields=["status"]
        )
        for i in range(n)
    ]


def _sealed(n, actor=None):
    events = _events(n, actor)
    audit_seal_pending()
    return [AuditEvent.objects.select_related("seal").get(pk=e.pk) for e in events]


def _as_table_owner(*statements):
    """What the database's owner can do behind the application's back (triggers off)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        cursor.execute("ALTER TABLE audit_auditseal DISABLE TRIGGER USER")
        for sql, params in statements:
            cursor.execute(sql, params)
        cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
        cursor.execute("ALTER TABLE audit_auditseal ENABLE TRIGGER USER")


def test_each_seal_links_to_the_previous_one_in_order():
    """Sealed events form one chain: seq 1, 2, 3 …, each link's prev_hash the hash before it."""
    first, second, third = _sealed(3)
    assert [first.seal.seq, second.seal.seq, third.seal.seq] == [1, 2, 3]
    assert second.seal.prev_hash == first.seal.hash and third.seal.prev_hash == second.seal.hash
    result = audit_verify()
    assert result.intact and result.checked == AuditEvent.objects.count() and result.pending == 0


def test_events_are_sealed_right_after_their_transaction_commits(django_capture_on_commit_callbacks):
    """A service's events wait as pending inside the transaction and are sealed once it commits."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        _events(3)
        assert AuditPending.objects.count() == 3 and not AuditSeal.objects.exists()
    seals = [c for c in callbacks if getattr(c, "__name__", "") == "audit_seal_pending"]
    assert len(seals) == 1  # one seal for the whole transaction (other layers may add their own)
    assert AuditSeal.objects.count() == 3 and not AuditPending.objects.exists()


def test_an_unsealed_event_is_reported_as_pending_not_broken():
    """An event not yet sealed counts as pending; the chain is still intact."""
    _sealed(2)
    _events(1)
    result = audit_verify()
    assert result.intact and result.checked == 2 and result.pending == 1


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


@pytest.mark.parametrize("table", ["audit_auditevent", "audit_auditseal"])
def test_postgresql_refuses_truncate_of_the_trail(table):
    """TRUNCATE of the events or of their seals fails in the database itself."""
    _sealed(2)
    with (
        pytest.raises(DatabaseError, match="TRUNCATE refused"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL ethics_office.allow_audit_truncate = off")
        cursor.execute(f"TRUNCATE {table} CASCADE")
    assert AuditEvent.objects.count() == 2 and AuditSeal.objects.count() == 2


def test_verify_audit_reports_the_first_edited_row():
    """If someone with database rights edits a row behind the trigger, verify_audit names that event."""
    events = _sealed(4)
    call_command("verify_audit")  # intact
    tampered = events[1]
    _as_table_owner(("UPDATE audit_auditevent SET fields = '[\"nothing\"]' WHERE id = %s", [tampered.pk]))
    with pytest.raises(CommandError, match=f"broken at event {tampered.pk} "):
        call_command("verify_audit")


def test_an_owner_who_rewrites_the_chain_without_the_key_is_found(settings):
    """Rewriting an event and recomputing every link needs the key: with any other key the chain fails."""
    events = _sealed(3)
    _as_table_owner(
        ("UPDATE audit_auditevent SET actor_label = 'nobody' WHERE id = %s", [events[0].pk]),
        ("DELETE FROM audit_auditseal", []),
    )
    # The owner re-seals everything with a key of their own making.
    genuine = settings.AUDIT_HMAC_KEYS
    settings.AUDIT_HMAC_KEYS = ["a key the owner made up"]
    AuditPending.objects.bulk_create([AuditPending(event_id=e.pk) for e in events])
    audit_seal_pending()
    settings.AUDIT_HMAC_KEYS = genuine
    result = audit_verify()
    assert not result.intact and result.broken.pk == events[0].pk and "unknown key" in result.reason


def test_deleting_the_newest_events_is_found_by_the_checkpoint():
    """Removing the tail leaves a chain that links, but the last checkpoint vouches for more."""
    events = _sealed(5)
    audit_checkpoint_write()
    tail = [e.pk for e in events[-2:]]
    _as_table_owner(
        ("DELETE FROM audit_auditseal WHERE event_id = ANY(%s)", [tail]),
        ("DELETE FROM audit_auditevent WHERE id = ANY(%s)", [tail]),
    )
    result = audit_verify()
    assert not result.intact and "vouches for 5 events" in result.reason
    with pytest.raises(CommandError, match="vouches for 5 events"):
        call_command("verify_audit")


def test_truncating_the_whole_trail_is_found_by_the_checkpoint():
    """An empty trail does not verify when a checkpoint says it held events."""
    _sealed(3)
    audit_checkpoint_write()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE audit_auditpending, audit_auditseal, audit_auditevent CASCADE")
    result = audit_verify()
    assert not result.intact and "vouches for 3 events" in result.reason


def test_a_forged_checkpoint_is_refused(settings):
    """A checkpoint line not signed with a known key is reported, not trusted."""
    _sealed(2)
    audit_checkpoint_write()
    path = settings.AUDIT_CHECKPOINT_DIR / "checkpoints.jsonl"
    entry = json.loads(path.read_text().splitlines()[-1])
    entry["seq"] = 1
    path.write_text(path.read_text() + json.dumps(entry) + "\n")
    assert "not signed by a known key" in audit_verify().reason


def test_a_rotated_key_keeps_earlier_links_verifiable(settings):
    """After a new key is put first, new links use it and the old links still verify."""
    _sealed(2)
    settings.AUDIT_HMAC_KEYS = ["the new key", *settings.AUDIT_HMAC_KEYS]
    _sealed(2)
    key_ids = list(AuditSeal.objects.order_by("seq").values_list("key_id", flat=True))
    assert key_ids[0] == key_ids[1] != key_ids[2] == key_ids[3]
    assert audit_verify().intact


def test_every_event_names_its_operation(staff):
    """The code of an event is the service that recorded it, so one filter finds every such operation."""
    from ethics_office.organisation.services import role_grant

    role_grant(actor=None, user=staff, role="panel_member")
    event = AuditEvent.objects.filter(action=Action.PERMISSION_CHANGE).latest("id")
    assert event.code == "organisation.role_grant"


def test_the_director_filters_the_trail_by_operation(client_for, staff):
    """?code= on the page and the API keeps only that operation's events."""
    from ethics_office.organisation.services import role_grant

    role_grant(actor=None, user=staff, role="panel_member")
    _events(2)
    page = client_for("director").get(reverse("audit-events"), {"code": "organisation.role_grant"})
    assert page.status_code == 200 and "organisation.role_grant" in page.content.decode()
    assert "test.thing" not in page.content.decode()
    api = client_for("director").get(reverse("api-audit-events"), {"code": "organisation.role_grant"})
    assert {e["code"] for e in api.json()["results"]} == {"organisation.role_grant"}


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
