import pytest
from django.conf import settings as django_settings
from django.core.cache import cache

from ethics_office.organisation import demo

ROLE_USERS = [
    "staff",
    "staff2",
    "officer",
    "officer2",
    "director",
    "focalpoint",
    "reviewer",
    "panel",
    "admin",
]


@pytest.fixture(autouse=True)
def _isolation(settings, tmp_path):
    """Each test gets its own private file store, the in-memory mail box and eager Celery."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "private"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from ethics_office.celery import app

    app.conf.task_always_eager = True
    from ethics_office.base.storage import private_storage

    private_storage.location = str(tmp_path / "private")
    private_storage.__dict__.pop("base_location", None)
    private_storage.__dict__.pop("location", None)
    private_storage._location = str(tmp_path / "private")
    cache.clear()
    yield


def mark_second_factor_passed(client, user):
    """Mark a test client's session as having given the second factor (as the two-factor step does)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from ethics_office.site.second_factor import demo_enrol, second_factor_required, totp_device_of

    if not second_factor_required(user):
        return
    device = totp_device_of(user) or demo_enrol(user, django_settings.DEMO_TOTP_SECRET)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture(autouse=True)
def _force_login_gives_the_second_factor(monkeypatch):
    """`force_login` stands for a complete sign-in, second factor included; tests of the sign-in
    itself go through the login page and the two-factor step (tests/core/test_two_factor.py)."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        mark_second_factor_passed(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def people(db):
    """The demo organisation's people and one account per role (see ethics_office/organisation/demo.py)."""
    demo.seed_people()
    from django.contrib.auth import get_user_model

    from ethics_office.site.second_factor import demo_enrol_privileged

    demo_enrol_privileged(django_settings.DEMO_TOTP_SECRET)

    users = {u.username: u for u in get_user_model().objects.filter(username__in=ROLE_USERS)}
    return users


def _user_fixture(name):
    @pytest.fixture
    def _fixture(people):
        return people[name]

    return _fixture


staff = _user_fixture("staff")
staff2 = _user_fixture("staff2")
officer = _user_fixture("officer")
officer2 = _user_fixture("officer2")
director = _user_fixture("director")
focalpoint = _user_fixture("focalpoint")
reviewer = _user_fixture("reviewer")
panel_member = _user_fixture("panel")
admin_user = _user_fixture("admin")


@pytest.fixture
def client_for(client, people):
    """client_for("officer") -> a test client logged in as that demo user."""
    from django.test import Client

    def make(username):
        c = Client()
        if username is not None:
            c.force_login(people[username])
        return c

    return make
