"""The one way to write the audit trail."""

from django.db import connection, transaction
from django.utils import timezone

from .middleware import current_client_address, valid_address
from .models import Action, AuditEvent

GENESIS = "0" * 64
# Any constant: the advisory lock serialises writers so the hash chain has one tail.
_CHAIN_LOCK = 7_302_011


def _object_ref(obj, object_type: str | None, object_id) -> tuple[str, str]:
    if obj is not None:
        return obj._meta.label_lower, str(obj.pk)
    return object_type or "", "" if object_id is None else str(object_id)


def audit_record(
    *,
    actor,
    action: str,
    obj=None,
    object_type: str | None = None,
    object_id=None,
    fields=(),
    changes: dict | None = None,
    client_address: str | None = None,
    actor_label: str | None = None,
) -> AuditEvent:
    """Append one event. `fields` names what changed; `changes` holds only non-confidential old/new values."""
    if action not in Action.values:
        raise ValueError(f"Unknown audit action {action!r}")
    otype, oid = _object_ref(obj, object_type, object_id)
    user = actor if (actor is not None and getattr(actor, "is_authenticated", False)) else None
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
        prev = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS
        event = AuditEvent(
            at=timezone.now(),
            actor=user,
            actor_label=actor_label if actor_label is not None else (user.get_username() if user else ""),
            action=action,
            object_type=otype,
            object_id=oid,
            fields=sorted(fields),
            changes={
                k: [str(v[0]) if v[0] is not None else None, str(v[1]) if v[1] is not None else None]
                for k, v in (changes or {}).items()
            },
            client_address=(valid_address(client_address) if client_address else current_client_address()),
            prev_hash=prev,
        )
        event.hash = event.compute_hash()
        event.save(force_insert=True)
    return event


def audit_verify() -> tuple[int, AuditEvent | None, str]:
    """Walk the chain oldest first. Returns (events checked, first broken event or None, reason)."""
    prev = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != prev:
            return checked, event, "previous-hash link does not match the event before it"
        if event.compute_hash() != event.hash:
            return checked, event, "content does not match its hash (the row was edited)"
        prev = event.hash
        checked += 1
    return checked, None, ""
