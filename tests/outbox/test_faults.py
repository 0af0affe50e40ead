"""Faults for real: the test's own Redis stopped and restarted, a Celery worker process killed in
the middle of a delivery, a mail server that refuses. Exactly once means none of these loses or
repeats a message."""

import time

import pytest
from django.urls import reverse

from advisory.models import AdviceMessage, AdviceRequest
from disclosure.models import Statement
from ethics_office.celery import app
from ethics_office.outbox.models import OutboxMessage, Status
from ethics_office.outbox.services import outbox_enqueue
from retaliation.models import RetaliationInquiry

from ..disclosure.factories import CycleFactory, FilerFactory
from .servers import wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def _protection_request() -> dict:
    import datetime as dt

    from django.utils import timezone

    day = (timezone.localdate() - dt.timedelta(days=5)).isoformat()
    return {
        "protected_activity": "reported_misconduct",
        "reported_to": "OIOS",
        "reported_on": day,
        "narrative": "I reported the misuse of funds.",
        "actions-TOTAL_FORMS": "1",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "10",
        "actions-0-occurred_on": day,
        "actions-0-taken_by": "My supervisor",
        "actions-0-description": "Non-renewal of my contract",
    }


def _beat_sweep() -> None:
    """What Celery beat does every minute: publish the sweeper."""
    with app.connection_for_write() as conn:
        app.send_task("ethics_office.outbox.tasks.sweep", connection=conn)


def test_with_the_broker_down_requests_are_saved_and_confirmed_and_mail_follows_its_return(
    broker, smtp_server, worker_for, client_for, people
):
    """Redis stopped: a staff member's request and an officer's reply each come back at once with
    their confirmation, not an error page; the reply notice waits in the outbox and goes out once,
    when the broker is back and the sweeper runs."""
    broker.stop()
    staff, officer = client_for("staff"), client_for("officer")
    started = time.monotonic()
    response = staff.post(
        reverse("advisory-ask"),
        {"category": "gifts_honours_awards", "question": "A vendor sent me a hamper."},
    )
    assert response.status_code == 302 and time.monotonic() - started < 5
    req = AdviceRequest.objects.get()
    assert staff.get(response.url).status_code == 200
    officer.post(reverse("advisory-assign", kwargs={"pk": req.pk}), {"officer": people["officer"].pk})
    started = time.monotonic()
    response = officer.post(
        reverse("advisory-message-post", kwargs={"pk": req.pk}), {"body": "You may keep it."}
    )
    assert response.status_code == 302 and time.monotonic() - started < 5
    assert AdviceMessage.objects.filter(request=req, from_office=True).count() == 1
    notice = OutboxMessage.objects.get(kind="advisory.reply_notice")
    assert notice.status == Status.QUEUED and smtp_server.received == []
    # A request for protection and a financial disclosure statement, the same.
    started = time.monotonic()
    response = staff.post(reverse("retaliation-request"), _protection_request())
    assert response.status_code == 302 and time.monotonic() - started < 5
    assert RetaliationInquiry.objects.count() == 1
    filer = FilerFactory(cycle=CycleFactory(), person=people["staff"].person, grade="P-3")
    started = time.monotonic()
    response = staff.post(
        reverse("disclosure-statement-edit", kwargs={"pk": filer.pk}),
        {"assets": "Flat in Geneva", "certify": "on", "submit": "1"},
    )
    assert response.status_code == 302 and time.monotonic() - started < 5
    assert Statement.objects.filter(filer=filer, submitted_at__isnull=False).exists()

    broker.start()
    worker_for()
    _beat_sweep()
    # The reply notice, and the notices of the new request for protection to the office.
    queued = OutboxMessage.objects.count()
    assert wait_until(lambda: len(smtp_server.received) >= queued, timeout=40)
    _beat_sweep()  # a second sweep finds nothing more to send
    time.sleep(3)
    notice.refresh_from_db()
    assert notice.status == Status.SENT
    # message_id is a property (derived from the key), not a column: compare it row by row.
    assert sorted(smtp_server.message_ids()) == sorted(m.message_id for m in OutboxMessage.objects.all())
    sent = {m["Message-ID"]: m for m in smtp_server.received}
    assert req.service_request.ref in sent[notice.message_id]["Subject"]


@pytest.mark.parametrize("kill", ["pool process", "whole worker"])
def test_a_worker_killed_mid_delivery_loses_nothing_and_sends_nothing_twice(
    kill, broker, smtp_server, worker_for
):
    """The worker dies while the mail server holds the message unanswered. The message is sent
    exactly once afterwards: by the redelivered task or by the sweeper once the dead worker's
    lease has run out — not an hour later, and not twice."""
    smtp_server.mode = "stall"
    worker = worker_for(lease_seconds=4)
    message = outbox_enqueue(key="fault:kill", kind="test", to=["a@example.un.org"], subject="S", body="B")
    assert smtp_server.stalled.wait(40), "the worker never reached the mail server"
    if kill == "pool process":
        worker.kill_pool_process()
    else:
        worker.kill()
    smtp_server.release.set()  # the half-sent message is dropped, never accepted
    smtp_server.mode = "accept"
    message.refresh_from_db()
    assert message.status == Status.SENDING and smtp_server.received == []
    if kill == "whole worker":
        worker_for(lease_seconds=4)
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline and not smtp_server.received:
        _beat_sweep()
        time.sleep(2)
    time.sleep(4)
    _beat_sweep()
    time.sleep(3)
    message.refresh_from_db()
    assert message.status == Status.SENT and message.attempts == 2
    assert smtp_server.message_ids() == [message.message_id]


def test_a_refusing_mail_server_then_recovering_delivers_once_through_the_worker(
    broker, smtp_server, worker_for
):
    """SMTP refuses: the worker records the failure and the retry time on the row; once the server
    accepts, the sweeper's next run after that time delivers it, once."""
    smtp_server.mode = "refuse"
    worker_for()
    message = outbox_enqueue(key="fault:refuse", kind="test", to=["a@example.un.org"], subject="S", body="B")
    assert wait_until(lambda: OutboxMessage.objects.get(pk=message.pk).status == Status.FAILED, timeout=40)
    message.refresh_from_db()
    assert "421" in message.last_error and message.next_attempt_at is not None
    smtp_server.mode = "accept"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not smtp_server.received:
        _beat_sweep()
        time.sleep(1)
    _beat_sweep()
    time.sleep(3)
    message.refresh_from_db()
    assert message.status == Status.SENT and message.attempts == 2
    assert smtp_server.message_ids() == [message.message_id]
