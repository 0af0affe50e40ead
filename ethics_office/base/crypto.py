"""Application-level encryption of confidential columns and files.

Keys come from settings.FIELD_ENCRYPTION_KEYS (Fernet keys, newest first). A value
that no key decrypts raises: we never hand ciphertext back as if it were text.
"""

import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


class DecryptionError(Exception):
    pass


@lru_cache(maxsize=4)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty: confidential fields cannot be stored.")
    return MultiFernet([Fernet(k.encode() if isinstance(k, str) else k) for k in keys])


def fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return fernet().decrypt(token)
    except InvalidToken as exc:
        raise DecryptionError("No configured key decrypts this value.") from exc


def rotate_token(token: str) -> str:
    """Re-encrypt under the newest key (for key rotation)."""
    return fernet().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text encrypted with Fernet; the column holds only the token. Empty stays empty."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_bytes(value.encode("utf-8")).decode("ascii")

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt_bytes(value.encode("ascii")).decode("utf-8")

    def get_internal_type(self):
        return "TextField"


class EncryptedJSONField(models.TextField):
    """A JSON document stored encrypted. Not queryable by content, by design."""

    def get_prep_value(self, value):
        if value is None:
            return None
        return encrypt_bytes(json.dumps(value, sort_keys=True).encode("utf-8")).decode("ascii")

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return None
        return json.loads(decrypt_bytes(value.encode("ascii")))

    def to_python(self, value):
        if isinstance(value, str) and value:
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj))

    def get_internal_type(self):
        return "TextField"


def encrypt_columns_in_place(schema_editor, table: str, columns: list[str]) -> None:
    """For a migration that turns plain text columns into encrypted ones: encrypt the values
    already there, read and written raw (the model field would try to decrypt them)."""
    quote = schema_editor.quote_name
    with schema_editor.connection.cursor() as cursor:
        for column in columns:
            cursor.execute(f"SELECT id, {quote(column)} FROM {quote(table)} WHERE {quote(column)} <> ''")
            for pk, value in cursor.fetchall():
                token = encrypt_bytes(value.encode("utf-8")).decode("ascii")
                cursor.execute(f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE id = %s", [token, pk])
