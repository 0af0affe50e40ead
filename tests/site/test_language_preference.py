"""A person's language choice is remembered: it returns at the next sign-in and e-mails use it."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from advisory import services as advice
from advisory.services.mail import reply_notice_send
from ethics_office.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_switching_language_is_remembered_and_audited(client_for, staff):
    """Choosing 中文 stores zh-hans on the person, with an audit event naming the field."""
    client_for("staff").post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    staff.person.refresh_from_db()
    assert staff.person.language == "zh-hans"
    event = AuditEvent.objects.filter(object_type="organisation.person").latest("id")
    assert event.fields == ["language"] and event.changes == {"language": ["en", "zh-hans"]}


def test_signing_in_on_a_new_browser_restores_the_language(staff):
    """A fresh browser that signs in gets the person's language, and the home page speaks it."""
    staff.person.language = "zh-hans"
    staff.person.save()
    browser = Client()
    response = browser.post(
        reverse("login"), {"username": "staff", "password": "demo-password-2012"}, follow=True
    )
    assert '<html lang="zh-hans" dir="ltr"' in response.content.decode()


def test_the_reply_notice_reaches_a_chinese_reader_in_chinese(
    staff, officer, django_capture_on_commit_callbacks
):
    """The 'a reply is waiting' e-mail is composed in the requester's language."""
    staff.person.language = "zh-hans"
    staff.person.save()
    req = advice.advice_request_submit(actor=staff, category="gifts_honours_awards", question="A gift?")
    advice.advice_request_assign(actor=officer, request_id=req.pk, officer=officer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reply_notice_send(request_id=req.pk)
    message = mail.outbox[-1]
    assert req.service_request.ref in message.subject
    assert "A reply is waiting" not in message.subject
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message.subject + message.body)
