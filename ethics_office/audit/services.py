"""The one way to write the audit trail, seal it into a keyed chain, anchor it and verify it.

Writing and sealing are two steps, so that writers never wait for each other:

1. `audit_record` inserts the event (and a pending marker) inside the caller's transaction,
   with no lock and no savepoint;
2. right after that transaction commits, `audit_seal_pending` takes a short lock and links
   every committed, unsealed event into the chain, in the order they committed. A periodic
   task runs it too, for events whose process died between commit and seal.

`audit_checkpoint_write` appends the chain's head (count, last hash), signed, to a file
outside the database; `audit_verify` checks the chain link by link and against every
checkpoint, so rewriting, deleting or truncating the tables is found even by someone who
owns them.
"""

import hashlib
import hmac
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.utils import timezone

from .middleware import current_client_address, valid_address
from .models import Action, AuditEvent, AuditPending, AuditSeal

GENESIS = "0" * 64
# Any constant: the advisory lock orders the sealers (not the writers) so the chain has one tail.
_SEAL_LOCK = 7_302_011
_SEAL_BATCH = 5000


# --- keys ---------------------------------------------------------------------------------


def _key_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _keys() -> dict[str, bytes]:
    keys = list(getattr(settings, "AUDIT_HMAC_KEYS", []) or [])
    if not keys:
        raise ImproperlyConfigured("AUDIT_HMAC_KEYS must hold at least one key to write the audit trail.")
    return {_key_id(k): k.encode("utf-8") for k in keys}


def _current_key() -> tuple[str, bytes]:
    key = settings.AUDIT_HMAC_KEYS[0]
    return _key_id(key), key.encode("utf-8")


def _link(key: bytes, prev_hash: str, event: AuditEvent) -> str:
    message = f"{prev_hash}|{event.pk}|{event.content_for_hash()}"
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


# --- writing ------------------------------------------------------------------------------


def _object_ref(obj, object_type: str | None, object_id) -> tuple[str, str]:
    if obj is not None:
        return obj._meta.label_lower, str(obj.pk)
    return object_type or "", "" if object_id is None else str(object_id)


def _operation_code() -> str:
    """The recording operation: "<app>.<function>" of the nearest public project function up the stack.

    Every write is one service, so the service's name is the operation's code; private helpers
    (leading underscore) and framework frames are skipped.
    """
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        name = frame.f_code.co_name
        app = module.split(".")[1] if module.startswith("ethics_office.") else module.split(".")[0]
        if (
            app in settings.AUDIT_OPERATION_APPS
            and not module.startswith("ethics_office.audit.services")
            and not name.startswith(("_", "<"))
        ):
            return f"{app}.{name}"[:100]
        frame = frame.f_back
    return ""


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
    code: str | None = None,
) -> AuditEvent:
    """Append one event. `fields` names what changed; `changes` holds only non-confidential old/new values.

    `code` names the operation; by default the calling service's app and name.
    """
    if action not in Action.values:
        raise ValueError(f"Unknown audit action {action!r}")
    _keys()  # refuse to write an event that could never be sealed
    otype, oid = _object_ref(obj, object_type, object_id)
    user = actor if (actor is not None and getattr(actor, "is_authenticated", False)) else None
    event = AuditEvent(
        at=timezone.now(),
        actor=user,
        actor_label=actor_label if actor_label is not None else (user.get_username() if user else ""),
        action=action,
        code=code if code is not None else _operation_code(),
        object_type=otype,
        object_id=oid,
        fields=sorted(fields),
        changes={
            k: [str(v[0]) if v[0] is not None else None, str(v[1]) if v[1] is not None else None]
            for k, v in (changes or {}).items()
        },
        client_address=(valid_address(client_address) if client_address else current_client_address()),
    )
    # No savepoint: the event and its marker stand or fall with the caller's transaction.
    with transaction.atomic(savepoint=False):
        event.save(force_insert=True)
        AuditPending.objects.create(event=event)
        _seal_after_commit()
    return event


def _seal_after_commit() -> None:
    """Schedule one seal for the current transaction, however many events it writes."""
    conn = transaction.get_connection()
    if not any(callback is audit_seal_pending for _sids, callback, _robust in conn.run_on_commit):
        transaction.on_commit(audit_seal_pending, robust=True)


# --- sealing ------------------------------------------------------------------------------


def audit_seal_pending() -> int:
    """Link every committed, unsealed event into the chain. Returns how many were sealed."""
    sealed = 0
    while True:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SEAL_LOCK])
            ids = list(
                AuditPending.objects.order_by("event_id").values_list("event_id", flat=True)[:_SEAL_BATCH]
            )
            if not ids:
                return sealed
            head = AuditSeal.objects.order_by("-seq").values_list("seq", "hash").first() or (0, GENESIS)
            seq, prev = head
            key_id, key = _current_key()
            now = timezone.now()
            seals = []
            for event in AuditEvent.objects.filter(id__in=ids).order_by("id"):
                seq += 1
                digest = _link(key, prev, event)
                seals.append(
                    AuditSeal(seq=seq, event=event, prev_hash=prev, hash=digest, key_id=key_id, sealed_at=now)
                )
                prev = digest
            AuditSeal.objects.bulk_create(seals)
            AuditPending.objects.filter(event_id__in=ids).delete()
            sealed += len(seals)


# --- anchoring ----------------------------------------------------------------------------


def _checkpoint_file() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_DIR) / "checkpoints.jsonl"


def _checkpoint_signature(entry: dict) -> str:
    key_id = entry["key_id"]
    body = json.dumps({k: entry[k] for k in ("seq", "hash", "at", "key_id")}, sort_keys=True)
    return hmac.new(_keys()[key_id], body.encode("utf-8"), hashlib.sha256).hexdigest()


def audit_checkpoint_write() -> dict | None:
    """Append the chain's head, signed, to the checkpoint file outside the database."""
    audit_seal_pending()
    head = AuditSeal.objects.order_by("-seq").values_list("seq", "hash").first()
    if head is None:
        return None
    key_id, _key = _current_key()
    entry = {"seq": head[0], "hash": head[1], "at": timezone.now().isoformat(), "key_id": key_id}
    entry["signature"] = _checkpoint_signature(entry)
    path = _checkpoint_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Append-only by habit here, and by the file system in a deployment (docs/operations.md).
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, sort_keys=True) + "\n")
    return entry


def _checkpoints() -> list[dict]:
    path = _checkpoint_file()
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- verifying ----------------------------------------------------------------------------


@dataclass
class Verification:
    checked: int = 0
    pending: int = 0
    broken: AuditEvent | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return not self.reason


def audit_verify() -> Verification:
    """Walk the chain in order, then hold it against every event and every checkpoint."""
    keys = _keys()
    checkpoints = _checkpoints()
    vouched = {entry.get("seq") for entry in checkpoints}
    result = Verification()
    prev = GENESIS
    hashes: dict[int, str] = {}  # only the links a checkpoint vouches for
    seals = AuditSeal.objects.select_related("event").order_by("seq")
    for seal in seals.iterator(chunk_size=2000):
        expected_seq = result.checked + 1
        if seal.seq != expected_seq:
            result.broken, result.reason = seal.event, f"link {expected_seq} of the chain is missing"
            return result
        if seal.prev_hash != prev:
            result.broken, result.reason = seal.event, "previous-hash link does not match the event before it"
            return result
        key = keys.get(seal.key_id)
        if key is None:
            result.broken, result.reason = seal.event, f"sealed with an unknown key ({seal.key_id})"
            return result
        if not hmac.compare_digest(_link(key, prev, seal.event), seal.hash):
            result.broken, result.reason = seal.event, "content does not match its seal (the row was edited)"
            return result
        prev = seal.hash
        if seal.seq in vouched:
            hashes[seal.seq] = seal.hash
        result.checked += 1
    result.pending = AuditPending.objects.count()
    unaccounted = AuditEvent.objects.filter(seal__isnull=True).exclude(
        id__in=AuditPending.objects.values("event_id")
    )
    stray = unaccounted.order_by("id").first()
    if stray is not None:
        result.broken, result.reason = stray, "an event is neither sealed nor waiting to be sealed"
        return result
    for entry in checkpoints:
        if entry.get("key_id") not in keys or not hmac.compare_digest(
            _checkpoint_signature(entry), entry.get("signature", "")
        ):
            result.reason = f"checkpoint of {entry.get('at')} is not signed by a known key"
            return result
        if hashes.get(entry["seq"]) != entry["hash"]:
            result.reason = (
                f"checkpoint of {entry['at']} vouches for {entry['seq']} events ending in "
                f"{entry['hash'][:12]}…, which the trail no longer holds (events removed or rewritten)"
            )
            return result
    return result
