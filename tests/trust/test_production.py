"""Production defaults: SMTP when nothing else is configured, `check --deploy` clean with the four
required settings, and no start without field-encryption keys."""

from tests.site.test_settings import _run

MINIMAL = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 20 + "-production-like-secret-key-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "ethics.example.un.org",
    "DATABASE_URL": "sqlite:////tmp/ethics-deploy-check-minimal.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/9",
}
DROP = ("EMAIL_BACKEND", "FIELD_ENCRYPTION_KEYS", "EMAIL_HOST", "DEBUG")


def test_check_deploy_is_clean_with_only_the_four_required_settings():
    """`check --deploy --fail-level WARNING` passes with SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL only."""
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], MINIMAL, drop=DROP)
    assert result.returncode == 0, result.stdout + result.stderr


def test_with_debug_off_and_no_backend_mail_goes_by_smtp():
    """No EMAIL_BACKEND with DEBUG off means Django's SMTP backend, never the console."""
    script = "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ethics_office.settings'); import django; django.setup(); from django.conf import settings; print(settings.MAILERS['default']['BACKEND'])"
    result = _run(["-c", script], MINIMAL, drop=DROP)
    assert result.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend", result.stderr


def test_serving_without_field_encryption_keys_is_refused():
    """With DEBUG off and no FIELD_ENCRYPTION_KEYS, the WSGI application refuses to load."""
    result = _run(["-c", "import ethics_office.wsgi"], MINIMAL, drop=DROP)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS must be set" in result.stderr


def test_a_worker_without_field_encryption_keys_refuses_to_start(settings):
    """The Celery worker's start-up check refuses with DEBUG off and no keys of its own."""
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from ethics_office.celery import _refuse_to_start_unconfigured

    settings.FIELD_ENCRYPTION_KEYS_MISSING = True
    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS"):
        _refuse_to_start_unconfigured()
    settings.FIELD_ENCRYPTION_KEYS_MISSING = False
    _refuse_to_start_unconfigured()
