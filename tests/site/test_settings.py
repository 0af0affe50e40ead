"""Configuration comes from the environment; production settings pass `check --deploy`."""

import os
import subprocess
import sys

from django.conf import settings

from ethics_office.base import crypto

PROD_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 20 + "-production-like-secret-key-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "ethics.example.un.org",
    "FIELD_ENCRYPTION_KEYS": "hN4pQ2kDqz0q9S1YVvKfJ2x9m3oXo7tQ4b0mQ1z3rZs=",
    "AUDIT_HMAC_KEYS": "a-production-like-audit-chain-key",
    "DATABASE_URL": "sqlite:////tmp/ethics-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/9",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "smtp.example.un.org",
}


def _run(args, env_extra, drop=()):
    # The browser tests' async-unsafe switch must not leak into a "production" process.
    skip = {*drop, "PYTEST_CURRENT_TEST", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(env_extra)
    env["ETHICS_TESTING"] = "0"
    return subprocess.run(
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_values():
    """`manage.py check --deploy --fail-level WARNING` reports no issues with production environment values."""
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_serving_without_a_secret_key_is_refused():
    """With DEBUG off and no SECRET_KEY, the WSGI application refuses to load."""
    env = {k: v for k, v in PROD_ENV.items() if k != "SECRET_KEY"}
    result = _run(["-c", "import ethics_office.wsgi"], env, drop=("SECRET_KEY",))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_sessions_end_after_thirty_idle_minutes():
    """Every request renews the session, which expires after 30 minutes without one."""
    assert settings.SESSION_COOKIE_AGE == 1800
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_an_encrypted_value_under_an_unknown_key_raises(settings):
    """A token no configured key opens raises instead of returning ciphertext."""
    token = crypto.encrypt_bytes(b"secret")
    settings.FIELD_ENCRYPTION_KEYS = ["Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eHh4eHh4eHg="]
    try:
        crypto.decrypt_bytes(token)
    except crypto.DecryptionError:
        pass
    else:
        raise AssertionError("decrypting under the wrong key must raise")


def test_key_rotation_keeps_old_values_readable(settings):
    """With a new key first and the old one kept, old values decrypt and re-encrypt under the new key."""
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    token = crypto.encrypt_bytes(b"holding: 100 shares").decode()
    new_key = "Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eHh4eHh4eHg="
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    assert crypto.decrypt_bytes(token.encode()) == b"holding: 100 shares"
    rotated = crypto.rotate_token(token)
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert crypto.decrypt_bytes(rotated.encode()) == b"holding: 100 shares"


def test_serving_without_an_audit_key_is_refused():
    """With DEBUG off and no AUDIT_HMAC_KEYS, the WSGI application refuses to load; with one, it loads."""
    env = {k: v for k, v in PROD_ENV.items() if k != "AUDIT_HMAC_KEYS"}
    refused = _run(["-c", "import ethics_office.wsgi"], env, drop=("AUDIT_HMAC_KEYS",))
    assert refused.returncode != 0 and "AUDIT_HMAC_KEYS must be set" in refused.stderr
    served = _run(["-c", "import ethics_office.wsgi"], PROD_ENV)
    assert served.returncode == 0, served.stderr


def test_make_runs_sqlite_database_migrates_and_takes_the_demo(tmp_path):
    """`make run` serves SQLite: every migration (PostgreSQL-only indexes included) must apply there,
    and the demo must load."""
    env = {"DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}"}
    drop = ("REDIS_URL",)
    migrated = _run(["manage.py", "migrate", "-v0"], env, drop=drop)
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    seeded = _run(["manage.py", "seed_demo"], env, drop=drop)
    assert seeded.returncode == 0, seeded.stderr[-2000:]
    assert "JBSWY3DPEHPK3PXP" in seeded.stdout
