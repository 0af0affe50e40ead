import datetime as dt
import threading
import time

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection
from django.utils import timezone

from disclosure import services, tasks
from disclosure.models import ComplianceNotice, FilerReminder
from disclosure.selectors import notices_visible_to
from ethics_office.organisation.models import Entity

from .factories import CycleFactory, FilerFactory

TODAY = timezone.localdate()


def overdue_office():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="officer")


@pytest.fixture
def overdue(people):
    """Outstanding filers in DM (focal point `focalpoint`, a head) and UNOG (a head only), one DM filer filed."""
    Entity.objects.filter(code="DM").update(head_email="head.dm@example.un.org")
    Entity.objects.filter(code="UNOG").update(head_email="head.unog@example.un.org")
    cycle = CycleFactory(
        year=TODAY.year, opens_on=TODAY - dt.timedelta(days=90), deadline=TODAY - dt.timedelta(days=10)
    )
    FilerFactory(cycle=cycle, person=people["staff"].person, grade="P-3")
    FilerFactory(cycle=cycle, person=people["staff2"].person, grade="P-4")
    FilerFactory(cycle=cycle, person=people["focalpoint"].person, grade="P-5", filed_on=TODAY)
    return cycle


@pytest.mark.django_db(transaction=True)
def test_one_notice_per_entity_goes_to_its_focal_points_and_the_entity_without_one_is_flagged(overdue):
    """DM's notice goes to its focal point (the head copied), naming the outstanding filers; UNOG,
    with outstanding filers but no focal point, gets a notice row marked no_recipient and no e-mail."""
    tasks.send_monthly_notices()
    assert ComplianceNotice.objects.count() == 2
    by_to = {tuple(m.to): m for m in mail.outbox}
    assert set(by_to) == {("focalpoint@example.un.org",), ("head.dm@example.un.org",)}
    dm = by_to[("focalpoint@example.un.org",)]
    assert "Amina Okafor" in dm.body and "D000001" in dm.body
    assert "Priya Raman" not in dm.body  # she filed
    assert all("Lars Eriksen" not in m.body for m in mail.outbox)
    status = {n.entity.code: n.delivery_status for n in notices_visible_to(overdue_office())}
    assert status == {"DM": "sent", "UNOG": "no_recipient"}
    assert ComplianceNotice.objects.get(entity__code="UNOG").recipients == []


@pytest.mark.django_db(transaction=True)
def test_running_the_task_twice_sends_each_notice_once(overdue):
    """A second run in the same month (or a retry) finds the notices written and sends nothing."""
    tasks.send_monthly_notices()
    tasks.send_monthly_notices()
    assert len(mail.outbox) == 2
    assert ComplianceNotice.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_send_each_notice_once(overdue):
    """Two concurrent runs: the unique (entity, month) row lets exactly one of them send."""
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            tasks.send_monthly_notices()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert ComplianceNotice.objects.count() == 2
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_send_now_by_the_office_then_the_monthly_task_sends_nothing_more(overdue, client_for):
    """The office's "send now" writes this month's notices; the scheduled run then finds them."""
    response = client_for("officer").post("/disclosure/notices/send/")
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    tasks.send_monthly_notices()
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_next_month_brings_a_new_notice(overdue):
    """The constraint is per month: the following month's run notifies again."""
    services.monthly_notices_send(today=TODAY)
    services.monthly_notices_send(today=(TODAY.replace(day=1) + dt.timedelta(days=32)).replace(day=1))
    assert ComplianceNotice.objects.count() == 4
    assert len(mail.outbox) == 4


@pytest.mark.django_db(transaction=True)
def test_the_notice_task_runs_through_a_real_celery_worker_on_redis(overdue, celery_conf):
    """The scheduled task, sent to the test Redis and run by a Celery worker thread, writes the notice and sends it."""
    from celery.contrib.testing.worker import start_worker
    from celery.result import EagerResult

    # `make test` sets REDIS_URL (each parallel test process has its own database number in
    # it: see settings); run by hand, the machine's Redis is the default. Never skipped.
    redis_url = django_settings.REDIS_URL or "redis://127.0.0.1:6379/0"
    with (
        celery_conf(broker_url=redis_url, task_always_eager=False) as app,
        start_worker(app, perform_ping_check=False, shutdown_timeout=30),
        app.connection_for_write() as conn,
    ):
        conn.default_channel.queue_purge(app.conf.task_default_queue)
        # Publish on an explicit Redis connection: the app's producer pool may still hold
        # the broker of an earlier test (memory:// when REDIS_URL is unset).
        result = tasks.send_monthly_notices.apply_async(connection=conn)
        assert not isinstance(result, EagerResult)  # queued on Redis, not run in this thread
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(mail.outbox) < 2:
            time.sleep(0.2)
    assert ComplianceNotice.objects.filter(entity__code="DM", month=TODAY.replace(day=1)).exists()
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_filers_are_reminded_once_before_and_once_after_the_deadline(
    people, django_capture_on_commit_callbacks
):
    """Two weeks before the deadline a filer gets one reminder; after it, one more; never twice."""
    cycle = CycleFactory(
        year=TODAY.year, opens_on=TODAY - dt.timedelta(days=30), deadline=TODAY + dt.timedelta(days=5)
    )
    filer = FilerFactory(cycle=cycle, person=people["staff"].person, grade="P-3")
    FilerFactory(cycle=cycle, person=people["staff2"].person, grade="P-4", filed_on=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_filer_reminders() == 1
        assert tasks.send_filer_reminders() == 0
    assert [m.to for m in mail.outbox] == [["staff@example.un.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.filer_reminders_send(today=TODAY + dt.timedelta(days=6)) == 1
    assert FilerReminder.objects.filter(filer=filer).count() == 2
    assert "was due" in mail.outbox[-1].subject
