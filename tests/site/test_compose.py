"""docker-compose.yml is the production shape; Docker cannot run here, so its consistency is read."""

from pathlib import Path

import yaml
from django.conf import settings

COMPOSE = yaml.safe_load((Path(settings.BASE_DIR) / "docker-compose.yml").read_text())


def test_the_five_services_exist_with_health_checks():
    """postgres, redis, web, worker and beat are defined, each with a health check."""
    services = COMPOSE["services"]
    assert set(services) >= {"postgres", "redis", "web", "worker", "beat"}
    for name in ("postgres", "redis", "web", "worker", "beat"):
        assert "healthcheck" in services[name], name


def test_web_serves_with_gunicorn_and_whitenoise_static_files():
    """web runs migrations, collects static files (served by WhiteNoise) and starts gunicorn on the WSGI app."""
    command = COMPOSE["services"]["web"]["command"]
    assert "gunicorn ethics_office.wsgi:application" in command
    assert "collectstatic" in command and "migrate" in command
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE


def test_worker_and_beat_run_the_projects_celery_app():
    """worker and beat start Celery on the app defined in ethics_office/celery.py."""
    assert COMPOSE["services"]["worker"]["command"][:4] == ["celery", "-A", "ethics_office", "worker"]
    assert COMPOSE["services"]["beat"]["command"][:4] == ["celery", "-A", "ethics_office", "beat"]
    assert settings.CELERY_BEAT_SCHEDULE, "beat has a schedule to run"


def test_app_environment_names_every_setting_production_requires():
    """web, worker and beat get the database, Redis, secret key, encryption keys and hosts the settings read."""
    for name in ("web", "worker", "beat"):
        env = COMPOSE["services"][name]["environment"]
        for var in (
            "DATABASE_URL",
            "REDIS_URL",
            "SECRET_KEY",
            "FIELD_ENCRYPTION_KEYS",
            "ALLOWED_HOSTS",
            "EMAIL_BACKEND",
            "PRIVATE_MEDIA_ROOT",
        ):
            assert var in env, f"{name} lacks {var}"
        assert env["DEBUG"] == "0"
        assert env["REDIS_URL"].startswith("redis://redis:")
        assert "@postgres:5432/" in env["DATABASE_URL"]
        assert {"postgres", "redis"} <= set(COMPOSE["services"][name]["depends_on"])


def test_uploaded_files_live_on_a_volume():
    """Private case files are kept on a named volume mounted where PRIVATE_MEDIA_ROOT points."""
    web = COMPOSE["services"]["web"]
    target = web["environment"]["PRIVATE_MEDIA_ROOT"]
    assert any(v.endswith(":" + target) for v in web["volumes"])
    assert "private-files" in COMPOSE["volumes"]
