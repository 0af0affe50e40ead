"""E-mail: the officers' daily digest of what is due."""

import datetime as dt

import pytest
from django.core import mail

from advisory import services, tasks
from ethics_office.intake.models import ServiceRequest


@pytest.mark.django_db
def test_each_officer_gets_a_digest_of_what_is_due(ask, assigned, people, django_capture_on_commit_callbacks):
    """Officers hear of triage and of their own late cases; the digest never quotes the question."""
    late = ask(people["staff2"], question="Secret question about my brother-in-law.")
    ServiceRequest.objects.filter(pk=late.service_request_id).update(
        received=dt.date.today() - dt.timedelta(days=10)
    )
    with django_capture_on_commit_callbacks(execute=True):
        sent = tasks.send_officer_digests.delay().get()
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert sent == len(mail.outbox) == 3  # officer, officer2, director
    officer_mail = by_recipient[people["officer"].email]
    assert late.service_request.ref in officer_mail.body
    assert "OVERDUE" in officer_mail.body
    assert assigned.service_request.ref in officer_mail.body
    assert assigned.service_request.ref not in by_recipient[people["officer2"].email].body
    assert all("brother-in-law" not in m.body for m in mail.outbox)
    # The beat task run again the same day queues nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.officer_digests_send() == 0
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_no_digest_when_nothing_is_due(people):
    assert services.officer_digests_send() == 0
    assert mail.outbox == []
