"""The outbox: written with the change, delivered after commit, once, with retries."""

import threading

import pytest
from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.utils import timezone

from ethics_office.audit.models import AuditEvent
from ethics_office.outbox.models import OutboxMessage, Status
from ethics_office.outbox.services import outbox_enqueue, outbox_sweep

from ..conftest import _inside_a_transaction


def _enqueue(key="test:1", to="someone@example.un.org"):
    return outbox_enqueue(key=key, kind="test", to=[to], subject="Hello", body="Text")


@pytest.mark.django_db(transaction=True)
def test_a_message_is_written_with_the_change_and_delivered_after_commit():
    """Inside the transaction the row exists and nothing has left; after commit it is sent once."""
    with transaction.atomic():
        message = _enqueue()
        assert mail.outbox == []
    message.refresh_from_db()
    assert message.status == Status.SENT and message.attempts == 1 and message.sent_at
    assert [m.to for m in mail.outbox] == [["someone@example.un.org"]]
    assert mail.outbox[0].extra_headers["Message-ID"] == message.message_id
    assert AuditEvent.objects.filter(object_type="outbox.outboxmessage", object_id=str(message.pk)).exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_no_message_and_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        _enqueue()
        raise RuntimeError("the change fails")
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_the_same_key_twice_is_one_message():
    """A retried change that queues the same message again sends it once."""
    first = _enqueue()
    again = _enqueue()
    assert first.pk == again.pk and not again.queued_now
    assert OutboxMessage.objects.count() == 1 and len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_sweepers_at_once_send_each_message_once(smtp_server, settings):
    """The beat task run twice at the same moment: every due message leaves exactly once."""
    smtp_server.delay = 0.2
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from ethics_office.celery import app

    # Queue the rows without delivering them, as when the broker was down at commit.
    saved = app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens there: dispatch fails at once
    app._pool = None
    app.amqp._producer_pool = None
    try:
        for n in range(6):
            _enqueue(key=f"test:{n}", to=f"p{n}@example.un.org")
    finally:
        app.conf.task_always_eager, app.conf.broker_url = True, saved
        app._pool = None
        app.amqp._producer_pool = None
    assert OutboxMessage.objects.filter(status=Status.QUEUED).count() == 6
    barrier, results = threading.Barrier(2), []

    def sweep():
        try:
            barrier.wait()
            results.append(outbox_sweep())
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sum(results) == 6
    assert sorted(smtp_server.message_ids()) == sorted(m.message_id for m in OutboxMessage.objects.all())
    assert len(smtp_server.received) == 6


@pytest.mark.django_db(transaction=True)
def test_a_refusing_mail_server_leaves_the_failure_and_retry_time_then_delivers_once(smtp_server, settings):
    """SMTP refuses: the row says failed, why, and when it is tried again; it is not tried before
    then; once the server accepts, the next sweep delivers it once and no sweep after sends it again."""
    settings.OUTBOX_RETRY_BASE_SECONDS = 60
    smtp_server.mode = "refuse"
    message = _enqueue()
    message.refresh_from_db()
    assert message.status == Status.FAILED and message.attempts == 1
    assert "421" in message.last_error
    assert message.next_attempt_at > timezone.now() + timezone.timedelta(seconds=50)
    smtp_server.mode = "accept"
    assert outbox_sweep() == 0  # not due yet
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    smtp_server.mode = "reject"
    assert outbox_sweep() == 0
    message.refresh_from_db()
    assert message.attempts == 2 and "451" in message.last_error
    # The wait doubles with each failure.
    assert message.next_attempt_at > timezone.now() + timezone.timedelta(seconds=110)
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    smtp_server.mode = "accept"
    assert outbox_sweep() == 1
    assert outbox_sweep() == 0
    message.refresh_from_db()
    assert message.status == Status.SENT and message.last_error == "" and message.attempts == 3
    assert len(smtp_server.received) == 1


@pytest.mark.django_db
def test_sending_mail_inside_a_transaction_fails_the_test():
    """The guard every test runs under: send_mail or EmailMessage.send inside atomic is an error."""
    assert not _inside_a_transaction()
    with transaction.atomic():
        assert _inside_a_transaction()
        with pytest.raises(AssertionError, match="inside a database transaction"):
            send_mail("s", "b", None, ["a@example.un.org"])
        with pytest.raises(AssertionError, match="inside a database transaction"):
            EmailMessage("s", "b", None, ["a@example.un.org"]).send()
    send_mail("s", "b", None, ["a@example.un.org"])  # outside: fine
    assert len(mail.outbox) == 1


def test_nothing_but_the_outbox_sends_mail():
    """No module of the project but the outbox calls Django's mail sending."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sending = re.compile(
        r"(?<!def )\b(send_mail|send_mass_mail|EmailMessage|EmailMultiAlternatives)\(|\.send_messages\("
    )
    offenders = []
    for top in (
        "ethics_office",
        "advisory",
        "disclosure",
        "retaliation",
        "outreach",
        "panel",
        "assessment",
        "reports",
        "retention",
    ):
        for path in (root / top).glob("**/*.py"):
            rel = path.relative_to(root).as_posix()
            if rel.startswith("ethics_office/outbox/") or "/migrations/" in rel:
                continue
            if sending.search(path.read_text(encoding="utf-8")):
                offenders.append(rel)
    assert offenders == []


class _RefusingBackend(BaseEmailBackend):
    """A mail server that refuses, noting the data version the office had while it was asked."""

    seen: list = []

    def send_messages(self, messages):
        from ethics_office.base.dataversion import version

        self.seen.append(version())
        raise ConnectionRefusedError("nobody listens")


@pytest.mark.django_db(transaction=True)
def test_a_failed_delivery_moves_the_data_version_on(settings):
    """The failure is written with a bulk update (no model signal): without moving the data
    version on, a page kept while the message was being sent would go on saying so."""
    from ethics_office.base.dataversion import version

    settings.MAILERS = {"default": {"BACKEND": f"{__name__}._RefusingBackend"}}
    _RefusingBackend.seen = []
    message = _enqueue()
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert len(_RefusingBackend.seen) == 1
    assert version() > _RefusingBackend.seen[0]
