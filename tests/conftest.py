import pytest
from django.core.cache import cache
from django.db.backends.signals import connection_created

from ethics_office.organisation import demo


def _test_runner_may_empty_the_audit_trail(sender, connection, **kwargs):
    """Transactional tests are cleaned up by TRUNCATE, which the audit trail refuses to anyone else."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET ethics_office.allow_audit_truncate = on")


connection_created.connect(_test_runner_may_empty_the_audit_trail, dispatch_uid="allow-audit-truncate")

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
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "audit-checkpoints"
    from ethics_office.celery import app

    app.conf.task_always_eager = True
    from ethics_office.base.storage import private_storage

    private_storage.location = str(tmp_path / "private")
    private_storage.__dict__.pop("base_location", None)
    private_storage.__dict__.pop("location", None)
    private_storage._location = str(tmp_path / "private")
    cache.clear()
    yield


@pytest.fixture
def people(db):
    """The demo organisation's people and one account per role (see ethics_office/organisation/demo.py)."""
    demo.seed_people()
    from django.contrib.auth import get_user_model

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
