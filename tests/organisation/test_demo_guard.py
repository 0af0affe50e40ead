"""The demo, with its published password, never lands on a real server by accident."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_under_production_settings(settings):
    settings.DEBUG = False
    settings.TESTING = False
    with pytest.raises(CommandError, match="--i-know-this-is-a-demo"):
        call_command("seed_demo", "--only-people", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username__in=["admin", "director"]).exists()


def test_seed_demo_runs_under_production_settings_when_told_it_is_a_demo(settings):
    settings.DEBUG = False
    settings.TESTING = False
    call_command("seed_demo", "--only-people", "--i-know-this-is-a-demo", stdout=io.StringIO())
    assert get_user_model().objects.filter(username="director").exists()
