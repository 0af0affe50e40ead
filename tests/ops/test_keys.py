"""A deployment without its own field-encryption keys refuses to start (the demo key is public)."""

from tests.site.test_settings import PROD_ENV, _run


def test_serving_without_field_encryption_keys_is_refused():
    env = {k: v for k, v in PROD_ENV.items() if k != "FIELD_ENCRYPTION_KEYS"}
    for module in ("ethics_office.wsgi", "ethics_office.asgi"):
        result = _run(["-c", f"import {module}"], env, drop=("FIELD_ENCRYPTION_KEYS",))
        assert result.returncode != 0
        assert "FIELD_ENCRYPTION_KEYS must be set" in result.stderr
