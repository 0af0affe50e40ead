"""E-mails go in the recipient's language, whichever of the six it is — the office-internal ones too."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from advisory import services as advice
from ethics_office.outbox.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ar", "fr", "ru", "es"])
def test_any_of_the_six_languages_can_be_chosen_and_is_remembered(client_for, staff, language):
    client_for("staff").post(reverse("set_language"), {"language": language, "next": "/"})
    staff.person.refresh_from_db()
    assert staff.person.language == language


def test_the_officers_digest_reaches_a_french_speaking_officer_in_french(
    people, staff, django_capture_on_commit_callbacks
):
    """The daily digest is office-internal: the French-speaking officer reads it in French, the
    Director (English) in English, from the same run."""
    officer, director = people["officer"], people["director"]
    officer.person.language = "fr"
    officer.person.save()
    req = advice.advice_request_submit(actor=staff, category="gifts_honours_awards", question="A gift?")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert advice.officer_digests_send() >= 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    french = by_recipient[officer.email]
    assert french.subject == "Demandes de conseil à échéance"
    assert "En attente de tri : 1" in french.body and req.service_request.ref in french.body
    assert OutboxMessage.objects.get(kind="advisory.digest", to=[officer.email]).language == "fr"
    english = by_recipient[director.email]
    assert english.subject == "Advice requests due" and "Waiting for triage: 1" in english.body


def test_a_password_reset_goes_in_the_account_holders_language(staff, django_capture_on_commit_callbacks):
    """Asked for from an English browser, the reset e-mail still reaches an Arabic reader in Arabic."""
    staff.person.language = "ar"
    staff.person.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("password_reset"), {"email": staff.email}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.subject == "مكتب الأخلاقيات: إعادة تعيين كلمة المرور"
    assert OutboxMessage.objects.get(kind="accounts.password_reset").language == "ar"
