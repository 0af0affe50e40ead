"""The access matrix's world — the demo people and one object of every kind — is built once per
test module inside a transaction that is rolled back at the end; each row runs in a savepoint
inside it (pytest-django's per-test atomic), so rows cannot see each other's writes.

Each test gets a fresh copy of the world: its model instances re-read from the database, so an
attribute a row's setup changed (or a cached role) does not leak into the next row.
"""

import types

import pytest
from django.conf import settings as django_settings
from django.db import models, transaction

from . import rows as rows_pkg


def build_world(people):
    world = types.SimpleNamespace(users=people)
    for module in rows_pkg.modules():
        build = getattr(module, "build", None)
        if build:
            build(world)
    return world


def _reread(value):
    if isinstance(value, models.Model) and value.pk is not None:
        return type(value)._base_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {k: _reread(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_reread(v) for v in value)
    return value


@pytest.fixture(scope="module")
def _module_world(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    from ethics_office.organisation import demo
    from ethics_office.site.second_factor import demo_enrol_privileged
    from tests.conftest import ROLE_USERS

    files = tmp_path_factory.mktemp("matrix-private")
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with django_settings_override(
                PRIVATE_MEDIA_ROOT=files, MEDIA_ROOT=files, CELERY_TASK_ALWAYS_EAGER=True
            ):
                cache.clear()
                demo.seed_people()
                demo_enrol_privileged(django_settings.DEMO_TOTP_SECRET)
                people = {u.username: u for u in get_user_model().objects.filter(username__in=ROLE_USERS)}
                world = build_world(people)
            yield world, files
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def django_settings_override(**values):
    from django.test.utils import override_settings

    return override_settings(**values)


@pytest.fixture
def world(_module_world, db, settings):
    """This test's copy of the module's world; private files read from where the world stored them."""
    shared, files = _module_world
    settings.PRIVATE_MEDIA_ROOT = files
    settings.MEDIA_ROOT = files
    fresh = types.SimpleNamespace(**{name: _reread(value) for name, value in vars(shared).items()})
    return fresh


@pytest.fixture
def people(world):
    """The world's people (the matrix modules never seed them a second time)."""
    return world.users
