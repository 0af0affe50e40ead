"""With REDIS_URL set, sessions are cached_db: read from the cache, written through to the database.
Ending every session of a person must end the cached copies too."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from ethics_office.site.sessions import sessions_of, sign_out_everywhere

pytestmark = pytest.mark.django_db


def test_cached_db_sessions_are_listed_and_ended_everywhere(settings, people):
    """Two signed-in browsers on cached_db sessions: both are listed (from the database), and after
    signing out everywhere neither opens a page again, though their copies were in the cache."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    user = people["staff"]
    browsers = []
    for _ in range(2):
        browser = Client()
        browser.force_login(user)
        assert browser.get(reverse("home")).status_code == 200
        browsers.append(browser)
    assert sessions_of(user).count() == 2
    assert Session.objects.count() >= 2
    assert sign_out_everywhere(user) == 2
    for browser in browsers:
        response = browser.get(reverse("home"))
        assert response.status_code == 302 and "login" in response["Location"]
