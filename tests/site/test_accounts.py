"""Login, logout, password reset by e-mail, and the home page per role."""

import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_logs_in_and_home_greets_the_person(client, people):
    """The login form signs `staff` in and the home page greets them by name with their roles."""
    response = client.post(
        reverse("login"), {"username": "staff", "password": "demo-password-2012"}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Welcome, Amina Okafor" in page and "Staff member" in page


def test_a_wrong_password_shows_an_error_beside_the_form(client, people):
    """A bad password re-displays the form with an error and no session."""
    response = client.post(reverse("login"), {"username": "staff", "password": "bad"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_sets_a_new_password(
    client, people, django_capture_on_commit_callbacks
):
    """Asking for a reset e-mails a one-time link (through the outbox, its text shown to nobody);
    following it sets a password that then logs in."""
    from ethics_office.outbox.models import Audience, OutboxMessage

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": "staff@example.un.org"})
    assert OutboxMessage.objects.get(kind="accounts.password_reset").audience == Audience.NOBODY
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["staff@example.un.org"]
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    new_password = "a-brand-new-long-passphrase-42"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"new_password1": new_password, "new_password2": new_password},
        follow=True,
    )
    assert done.status_code == 200
    assert client.login(username="staff", password=new_password)


def test_the_director_home_links_the_audit_trail(client_for):
    """The Director's navigation offers the audit trail; a staff member's does not."""
    assert reverse("audit-events") in client_for("director").get(reverse("home")).content.decode()
    assert reverse("audit-events") not in client_for("staff").get(reverse("home")).content.decode()
