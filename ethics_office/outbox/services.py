"""The one way the system sends e-mail.

`outbox_enqueue` writes the message in the caller's transaction and, after commit, asks a Celery
worker to deliver it. Delivery claims the row in a short transaction of its own (a lease), sends
outside any transaction, then records the result. Whatever fails — the broker, the worker, the mail
server — the row stays in the database and the periodic sweeper (`outbox_sweep`) delivers it.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.dataversion import changed

from .models import Audience, OutboxMessage, Status

log = logging.getLogger(__name__)


def _setting(name: str, default):
    return getattr(settings, name, default)


def outbox_enqueue(
    *,
    key: str,
    kind: str,
    to: list[str],
    subject: str,
    body: str,
    language: str = "",
    cc: list[str] | None = None,
    audience: str = Audience.OFFICE,
    obj=None,
) -> OutboxMessage:
    """Write one message (once per `key`) in the current transaction; it is delivered after commit.

    A second call with the same key returns the first row (`queued_now` False) and queues nothing
    new, so a retried or repeated run of the causing change never sends twice.
    """
    to = sorted({a for a in to if a})
    cc = sorted({a for a in (cc or []) if a and a not in to})
    object_type = f"{obj._meta.app_label}.{obj._meta.model_name}" if obj is not None else ""
    with transaction.atomic():
        message, created = OutboxMessage.objects.get_or_create(
            key=key[:200],
            defaults={
                "kind": kind,
                "to": to,
                "cc": cc,
                "subject": subject,
                "body": body,
                "language": language,
                "audience": audience,
                "object_type": object_type,
                "object_id": str(obj.pk) if obj is not None else "",
                "next_attempt_at": timezone.now(),
            },
        )
    message.queued_now = created
    if created:
        transaction.on_commit(lambda pk=message.pk: outbox_dispatch(message_id=pk))
    return message


def outbox_dispatch(*, message_id: int) -> None:
    """Hand a committed message to a worker. If the broker is down the request still succeeds:
    the message waits in the table and the sweeper sends it once the broker is back."""
    from .tasks import deliver

    try:
        deliver.apply_async((message_id,), retry=False)
    except Exception:  # noqa: BLE001 - any broker failure leaves the row for the sweeper
        log.warning("outbox: broker unavailable, message %s left for the sweeper", message_id)


def _claim(message_id: int) -> OutboxMessage | None:
    """Take the row for one delivery attempt. Only one worker can hold it; a dead worker's lease expires."""
    now = timezone.now()
    lease = dt.timedelta(seconds=_setting("OUTBOX_LEASE_SECONDS", 120))
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id)
            .filter(
                Q(status__in=[Status.QUEUED, Status.FAILED], next_attempt_at__lte=now)
                | Q(status=Status.SENDING, lease_until__lt=now)
            )
            .first()
        )
        if message is None:
            return None
        message.status = Status.SENDING
        message.attempts += 1
        message.lease_until = now + lease
        message.save(update_fields=["status", "attempts", "lease_until"])
    return message


def _backoff(attempts: int) -> dt.timedelta:
    base = _setting("OUTBOX_RETRY_BASE_SECONDS", 60)
    ceiling = _setting("OUTBOX_RETRY_MAX_SECONDS", 6 * 3600)
    return dt.timedelta(seconds=min(ceiling, base * 2 ** max(0, attempts - 1)))


def outbox_deliver(*, message_id: int) -> bool:
    """Send one message if it is due and nobody else is sending it; True when it went out now."""
    if transaction.get_connection().in_atomic_block and not _in_test_atomic_only():
        raise RuntimeError("outbox_deliver must run outside a transaction")
    message = _claim(message_id)
    if message is None:
        return False
    email = EmailMessage(
        message.subject,
        message.body,
        settings.DEFAULT_FROM_EMAIL,
        message.to,
        cc=message.cc,
        headers={"Message-ID": message.message_id},
    )
    try:
        email.send()
    except Exception as exc:  # noqa: BLE001 - every failure is recorded on the row and retried
        attempts_max = _setting("OUTBOX_MAX_ATTEMPTS", 12)
        retry_at = timezone.now() + _backoff(message.attempts) if message.attempts < attempts_max else None
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=Status.FAILED,
            lease_until=None,
            next_attempt_at=retry_at,
            last_error=f"{type(exc).__name__}: {exc}"[:500],
        )
        # A bulk update sends no model signal: a page kept while the message was being sent (its
        # delivery "sending") must not outlive the failure (base.dataversion).
        changed()
        log.warning("outbox: message %s failed (attempt %s): %s", message.pk, message.attempts, exc)
        return False
    now = timezone.now()
    with transaction.atomic():
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=Status.SENT, sent_at=now, lease_until=None, next_attempt_at=None, last_error=""
        )
        audit_record(
            actor=None,
            action=Action.SEND,
            obj=message,
            fields=["sent_at"],
            changes={"status": (Status.QUEUED, Status.SENT)},
            actor_label="outbox",
        )
    return True


def _in_test_atomic_only() -> bool:
    # Under pytest-django each test runs inside atomic blocks of its own; those do not count.
    return all(getattr(a, "_from_testcase", False) for a in transaction.get_connection().atomic_blocks)


def outbox_due_ids(*, limit: int = 500) -> list[int]:
    now = timezone.now()
    return list(
        OutboxMessage.objects.filter(
            Q(status__in=[Status.QUEUED, Status.FAILED], next_attempt_at__lte=now)
            | Q(status=Status.SENDING, lease_until__lt=now)
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def outbox_sweep() -> int:
    """Deliver everything due: new messages the broker never carried, failures whose retry time has
    come, and deliveries whose worker died. Safe to run twice at once (each row is claimed)."""
    return sum(outbox_deliver(message_id=pk) for pk in outbox_due_ids())


def outbox_retry_now(*, actor, message_id: int) -> OutboxMessage:
    """The office asks for a failed message to be tried again at once."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message_id)
        if message.status != Status.FAILED:
            return message
        message.next_attempt_at = timezone.now()
        message.save(update_fields=["next_attempt_at"])
        audit_record(actor=actor, action=Action.UPDATE, obj=message, fields=["next_attempt_at"])
    transaction.on_commit(lambda: outbox_dispatch(message_id=message.pk))
    return message
