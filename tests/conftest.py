from contextlib import contextmanager

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db.backends.signals import connection_created
from django.utils import translation

from ethics_office.celery import app
from ethics_office.organisation import demo


def _test_runner_may_empty_the_audit_trail(sender, connection, **kwargs):
    """Transactional tests are cleaned up by TRUNCATE, which the audit trail refuses to anyone else."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET ethics_office.allow_audit_truncate = on")


connection_created.connect(_test_runner_may_empty_the_audit_trail, dispatch_uid="allow-audit-truncate")


class _ReferenceData:
    """The rows the migrations load (entities, duty stations, categories, the roadmap, role
    groups, the 2012 report's symbol), put back after each transactional test's flush.

    A transactional test ends with a flush (TRUNCATE of every table), which Django follows with
    `post_migrate`: content types and permissions come back that way, migration data does not.
    In one process pytest-django runs every transactional test after the others, so nothing
    noticed; in parallel processes (pytest-xdist) a process may be handed a file of ordinary
    tests after one of transactional tests. The snapshot is taken once, right after the test
    database is created, and written back in a few bulk inserts (same primary keys) after each
    flush — only into tables the flush's own `post_migrate` left empty."""

    rows: dict | None = None

    def take(self):
        from django.apps import apps

        self.rows = {}
        for model in apps.get_models():
            meta = model._meta
            if (
                meta.proxy
                or not meta.managed
                or meta.label in {"contenttypes.ContentType", "auth.Permission"}
            ):
                continue
            found = list(model._base_manager.all())
            if found:
                self.rows[model] = found

    def restore(self, sender, using="default", **kwargs):
        if self.rows is None or sender.label != "site":  # once per flush: `site` is the last app
            return
        from django.db import transaction

        with transaction.atomic(using=using):
            for model, found in self.rows.items():
                if not model._base_manager.using(using).exists():
                    model._base_manager.using(using).bulk_create(found)


_reference_data = _ReferenceData()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, plus the snapshot of the migrations' data (see above)."""
    from django.db.models.signals import post_migrate

    with django_db_blocker.unblock():
        _reference_data.take()
    post_migrate.connect(_reference_data.restore, dispatch_uid="tests-reference-data")
    yield
    post_migrate.disconnect(dispatch_uid="tests-reference-data")


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


@contextmanager
def module_transaction(django_db_blocker, files):
    """Data shared by a module's tests: written once inside a transaction that is rolled back
    when the module ends. Each test's own atomic block becomes a savepoint inside it, so tests
    still cannot see each other's writes. Private files go to `files`."""
    from django.db import transaction
    from django.test.utils import override_settings

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(PRIVATE_MEDIA_ROOT=files, MEDIA_ROOT=files, CELERY_TASK_ALWAYS_EAGER=True):
                cache.clear()
                yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@contextmanager
def _celery_conf(**changes):
    """Change the Celery app's configuration for a block, then put every value back."""
    saved = {key: app.conf[key] for key in changes}
    app.conf.update(changes)
    try:
        yield app
    finally:
        app.conf.update(saved)


@pytest.fixture
def celery_conf():
    """celery_conf(broker_url=..., task_always_eager=False) -> a block with the Celery app so configured."""
    return _celery_conf


@pytest.fixture(autouse=True)
def _isolation(settings, tmp_path):
    """Each test gets its own private file store (the storage follows the setting), an empty cache
    and eager Celery; the Celery app's configuration is restored afterwards."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "private"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "audit-checkpoints"
    cache.clear()
    # A request in another language leaves that language active in the thread: start in English.
    translation.activate(settings.LANGUAGE_CODE)
    # Celery copies Django's settings into app.conf once; the setting alone would not reach it.
    with _celery_conf(task_always_eager=True, task_eager_propagates=True):
        yield


def _inside_a_transaction() -> bool:
    """True inside an atomic block of the code (pytest-django's own per-test blocks do not count)."""
    from django.db import connections

    return any(
        any(not block._from_testcase for block in conn.atomic_blocks)
        for conn in connections.all(initialized_only=True)
    )


@pytest.fixture(autouse=True)
def _no_mail_inside_a_transaction(monkeypatch):
    """Every test fails if an e-mail leaves while a transaction is open: mail goes through the outbox
    and is delivered after commit, so a rollback can never leave a message sent for nothing."""
    from django.core.mail.backends.locmem import EmailBackend

    original = EmailBackend.send_messages

    def guarded(self, messages):
        if _inside_a_transaction():
            raise AssertionError("an e-mail was sent inside a database transaction")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", guarded)


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
    itself go through the login page and the two-factor step (tests/trust/test_two_factor.py)."""
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
