"""docker-compose.yml is the production shape; Docker cannot run here, so its consistency is read."""

from pathlib import Path

import pytest
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
    """web collects static files (served by WhiteNoise) and starts gunicorn on the WSGI app."""
    command = COMPOSE["services"]["web"]["command"]
    assert "gunicorn ethics_office.wsgi:application" in command
    assert "collectstatic" in command and "migrate" not in command
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
            "AUDIT_HMAC_KEYS",
            "AUDIT_CHECKPOINT_DIR",
            "ALLOWED_HOSTS",
            "EMAIL_BACKEND",
            "PRIVATE_MEDIA_ROOT",
        ):
            assert var in env, f"{name} lacks {var}"
        assert env["DEBUG"] == "0"
        assert env["REDIS_URL"].startswith("redis://redis:")
        assert (
            env["DATABASE_URL"].startswith("postgresql://ethics_app:")
            and "@postgres:5432/" in env["DATABASE_URL"]
        )
        assert {"postgres", "redis", "migrate"} <= set(COMPOSE["services"][name]["depends_on"])


def test_uploaded_files_live_on_a_volume():
    """Private case files are kept on a named volume mounted where PRIVATE_MEDIA_ROOT points."""
    web = COMPOSE["services"]["web"]
    target = web["environment"]["PRIVATE_MEDIA_ROOT"]
    assert any(v.endswith(":" + target) for v in web["volumes"])
    assert "private-files" in COMPOSE["volumes"]


def test_migrations_run_as_the_owner_and_the_application_as_a_role_that_owns_nothing():
    """The migrate service connects as the owner and grants the application's role least privilege."""
    migrate = COMPOSE["services"]["migrate"]
    assert migrate["environment"]["DATABASE_URL"].startswith("postgresql://ethics_owner:")
    assert "migrate" in migrate["command"] and "db_grant_app_role ethics_app" in migrate["command"]
    assert COMPOSE["services"]["postgres"]["environment"]["POSTGRES_USER"] == "ethics_owner"
    init = Path(settings.BASE_DIR) / "deploy" / "postgres-init" / "01-app-role.sh"
    assert "CREATE ROLE ethics_app LOGIN" in init.read_text()
    for name in ("web", "worker", "beat"):
        assert (
            COMPOSE["services"][name]["depends_on"]["migrate"]["condition"]
            == "service_completed_successfully"
        )


def test_the_audit_checkpoints_live_on_their_own_volume():
    web = COMPOSE["services"]["web"]
    target = web["environment"]["AUDIT_CHECKPOINT_DIR"]
    assert any(v == "audit-checkpoints:" + target for v in web["volumes"])


@pytest.mark.django_db
def test_the_health_check_names_an_allowed_host_and_is_not_redirected(client, settings):
    """What the container's health check sends reaches /healthz/ under production settings."""
    from tests.site.test_settings import PROD_ENV, _run

    check = " ".join(COMPOSE["services"]["web"]["healthcheck"]["test"])
    assert "/healthz/" in check and "'Host': os.environ['ALLOWED_HOSTS']" in check
    script = (
        "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ethics_office.settings'); import django; "
        "django.setup(); from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_REDIRECT_EXEMPT)"
    )
    production = _run(["-c", script], PROD_ENV).stdout.strip()
    assert production == "True ['^healthz/$']", production
    settings.ALLOWED_HOSTS = ["ethics.example.un.org"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    response = client.get("/healthz/", HTTP_HOST="ethics.example.un.org")
    assert response.status_code == 200


def test_web_runs_as_two_replicas_behind_a_load_balancer_with_files_in_an_object_store(settings):
    """The web tier is stateless: two replicas behind nginx, files in the S3 bucket of the object
    store service (which the settings read), one beat, and nothing published by web itself."""
    services = COMPOSE["services"]
    assert services["web"]["deploy"]["replicas"] >= 2
    assert "ports" not in services["web"]
    assert services["lb"]["ports"] == ["8000:80"]
    conf = (Path(settings.BASE_DIR) / "deploy" / "nginx.conf").read_text()
    assert "server web:8000" in conf and "proxy_pass http://ethics_web" in conf
    assert any(v.startswith("./deploy/nginx.conf:") for v in services["lb"]["volumes"])
    assert services["minio"]["image"].startswith("minio/minio")
    assert services["minio-init"]["depends_on"]["minio"]["condition"] == "service_healthy"
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        assert env["PRIVATE_STORAGE_BACKEND"] == "s3"
        assert env["AWS_S3_ENDPOINT_URL"].endswith("minio:9000}")
        for var in ("AWS_STORAGE_BUCKET_NAME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
            assert var in env and hasattr(settings, var)
        assert services[name]["depends_on"]["minio-init"]["condition"] == "service_completed_successfully"
    assert "deploy" not in services["beat"], "one beat"
