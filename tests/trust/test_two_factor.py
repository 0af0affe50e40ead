"""Two factors: every role beyond staff member gives a code after the password; enrolment, recovery
codes, and a reset by another administrator."""

import pytest
from django.contrib.auth import get_user_model
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.errors import ApplicationError, OwnMatter
from ethics_office.organisation.services import access_change_decide
from ethics_office.site.second_factor import second_factor_required, second_factor_reset

pytestmark = pytest.mark.django_db
PASSWORD = "demo-password-2012"


def _password_step(client, username):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def test_every_role_beyond_staff_needs_a_second_factor(people):
    """Officers, the Director, focal points, reviewers, panel members and administrators need one; staff do not."""
    needs = {name for name, user in people.items() if second_factor_required(user)}
    assert needs == {"officer", "officer2", "director", "focalpoint", "reviewer", "panel", "admin"}


def test_a_password_alone_opens_nothing_for_an_officer(people):
    """After the password, an officer is sent to the code step, and pages and the API stay closed."""
    client = Client()
    response = _password_step(client, "officer")
    assert response.status_code == 302 and response["Location"].startswith(reverse("two-factor"))
    assert client.get(reverse("home"))["Location"].startswith(reverse("two-factor"))
    api = client.get(reverse("api-me"))
    assert api.status_code == 403 and api.json()["error"]["code"] == "second_factor_required"


def test_the_right_code_opens_the_session_and_changes_its_key(people, code_of):
    """The Director signs in with password and code; the session key changes at each step."""
    client = Client()
    client.get(reverse("login"))
    _password_step(client, "director")
    after_password = client.session.session_key
    response = client.post(reverse("two-factor"), {"otp": code_of("director"), "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session.session_key != after_password
    assert client.get(reverse("home")).status_code == 200
    assert AuditEvent.objects.filter(
        actor=people["director"], action=Action.LOGIN, fields=["second_factor"]
    ).exists()


def test_a_wrong_code_is_refused_and_recorded(people):
    """A wrong code leaves the session closed and records a failed login."""
    client = Client()
    _password_step(client, "officer")
    response = client.post(reverse("two-factor"), {"otp": "000000"})
    assert response.status_code == 200 and "not valid" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED, actor_label="officer").exists()


def test_staff_sign_in_with_a_password_alone(people):
    """A staff member needs no second factor."""
    client = Client()
    response = _password_step(client, "staff")
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_first_sign_in_enrols_with_a_qr_code_and_gives_ten_recovery_codes(people):
    """A privileged account without a device sees a QR code and the secret, confirms a code, gets ten recovery codes."""
    from django_otp.oath import TOTP

    TOTPDevice.objects.filter(user=people["officer"]).delete()
    client = Client()
    _password_step(client, "officer")
    page = client.get(reverse("two-factor")).content.decode()
    assert "<svg" in page and 'id="totp-secret"' in page
    device = TOTPDevice.objects.get(user=people["officer"], confirmed=False)
    code = f"{TOTP(device.bin_key).token():06d}"
    response = client.post(reverse("two-factor"), {"otp": code, "next": "/"})
    assert response.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=people["officer"]).values_list("token", flat=True))
    assert len(codes) == 10 and all(c in response.content.decode() for c in codes)
    assert client.get(reverse("home")).status_code == 200


def test_a_recovery_code_works_once(people):
    """A recovery code signs in once and is then spent."""
    from ethics_office.site.second_factor import _recovery_codes_replace

    codes = _recovery_codes_replace(people["director"])
    first = Client()
    _password_step(first, "director")
    assert first.post(reverse("two-factor"), {"otp": codes[0], "next": "/"}).status_code == 302
    second = Client()
    _password_step(second, "director")
    assert second.post(reverse("two-factor"), {"otp": codes[0]}).status_code == 200
    assert second.get(reverse("home")).status_code == 302


def test_an_administrator_resets_another_persons_factor_never_their_own(people):
    """A reset removes the devices (audited); the person cannot reset their own; nor can a non-administrator."""
    admin = people["admin"]
    with pytest.raises(ApplicationError):
        second_factor_reset(actor=admin, user=admin)
    with pytest.raises(ApplicationError):
        second_factor_reset(actor=people["director"], user=people["officer"])
    asked = second_factor_reset(actor=admin, user=people["officer"])
    # One administrator alone changes nothing: the reset waits for a second person.
    assert TOTPDevice.objects.filter(user=people["officer"]).exists()
    with pytest.raises(OwnMatter):
        access_change_decide(actor=admin, request_id=asked.pk, approve=True)
    with pytest.raises(Http404):  # the person whose factor it is may not even see the request
        access_change_decide(actor=people["officer"], request_id=asked.pk, approve=True)
    access_change_decide(actor=people["director"], request_id=asked.pk, approve=True)
    assert not TOTPDevice.objects.filter(user=people["officer"]).exists()
    event = AuditEvent.objects.filter(
        action=Action.PERMISSION_CHANGE, object_id=str(people["officer"].pk)
    ).first()
    assert event.fields == ["second_factor"] and event.actor == people["director"]
    # Next sign-in enrols again.
    client = Client()
    _password_step(client, "officer")
    assert "<svg" in client.get(reverse("two-factor")).content.decode()


def test_the_token_endpoint_needs_the_code_for_an_officer(people, code_of):
    """Without `otp` an officer gets no token (400, the field named); with the current code they get one."""
    from rest_framework.test import APIClient

    api = APIClient()
    url = reverse("api-token")
    refused = api.post(url, {"username": "officer", "password": PASSWORD}, format="json")
    assert refused.status_code == 400 and "otp" in refused.json()["error"]["fields"]
    wrong = api.post(url, {"username": "officer", "password": PASSWORD, "otp": "123456"}, format="json")
    assert wrong.status_code == 400 and "otp" in wrong.json()["error"]["fields"]
    ok = api.post(
        url, {"username": "officer", "password": PASSWORD, "otp": code_of("officer")}, format="json"
    )
    assert ok.status_code == 200 and ok.json()["token"]


def test_seed_demo_enrols_privileged_users_with_the_demo_secret(people, settings):
    """seed_demo's helper gives every privileged demo user a device whose key is DEMO_TOTP_SECRET."""
    import base64

    from ethics_office.site.second_factor import base32_secret

    for user in get_user_model().objects.filter(username__in=["officer", "director", "admin"]):
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        assert base32_secret(device) == settings.DEMO_TOTP_SECRET
        assert device.bin_key == base64.b32decode(settings.DEMO_TOTP_SECRET)
    assert not TOTPDevice.objects.filter(user=people["staff"]).exists()


def test_a_staff_member_may_choose_a_second_factor_and_then_needs_it(people):
    """Staff enrol from the sessions page if they wish; from then on their sign-in asks for the code."""
    from django_otp.oath import TOTP

    client = Client()
    _password_step(client, "staff")
    assert "?enrol=1" in client.get(reverse("account-sessions")).content.decode()
    assert "<svg" in client.get(reverse("two-factor") + "?enrol=1").content.decode()
    device = TOTPDevice.objects.get(user=people["staff"], confirmed=False)
    response = client.post(
        reverse("two-factor"), {"otp": f"{TOTP(device.bin_key).token():06d}", "enrol": "1"}
    )
    assert (
        response.status_code == 200 and StaticToken.objects.filter(device__user=people["staff"]).count() == 10
    )
    later = Client()
    assert _password_step(later, "staff")["Location"].startswith(reverse("two-factor"))
    assert later.get(reverse("home")).status_code == 302


def test_devices_are_not_editable_through_django_otps_own_admin(client_for):
    """Devices change only through the audited actions: django-otp's admin pages are not registered."""
    admin = client_for("admin")
    assert admin.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert admin.get("/admin/otp_static/staticdevice/").status_code == 404
    assert admin.get("/admin/axes/accessattempt/").status_code == 404


def test_a_wrong_code_is_masked_in_the_lockout_records(people):
    """The attempts django-axes keeps never hold the code that was typed."""
    from axes.models import AccessAttempt

    client = Client()
    _password_step(client, "officer")
    client.post(reverse("two-factor"), {"otp": "135790"})
    assert AccessAttempt.objects.exists()
    assert not any("135790" in a.post_data for a in AccessAttempt.objects.all())


def test_a_role_given_mid_session_asks_for_the_second_factor(people):
    """A staff member signed in with a password who is made focal point must give a code next."""
    from ethics_office.base.roles import Role
    from ethics_office.organisation.services import role_grant

    client = Client()
    _password_step(client, "staff")
    assert client.get(reverse("home")).status_code == 200
    role_grant(actor=people["admin"], user=people["staff"], role=Role.FOCAL_POINT)
    assert client.get(reverse("home"))["Location"].startswith(reverse("two-factor"))
    assert client.get(reverse("api-me")).status_code == 403


def test_the_directors_own_reset_is_not_decided_by_the_director(people):
    """The Director who lost an authenticator cannot approve the reset of their own factor."""
    asked = second_factor_reset(actor=people["admin"], user=people["director"])
    with pytest.raises(OwnMatter):
        access_change_decide(actor=people["director"], request_id=asked.pk, approve=True)
    assert TOTPDevice.objects.filter(user=people["director"]).exists()
