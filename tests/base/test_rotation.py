"""Key rotation re-encrypts every confidential column and private file under the newest key."""

import io
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from advisory.models import AdviceRequest
from ethics_office.base.crypto import DecryptionError
from ethics_office.base.storage import private_storage
from ethics_office.intake.services import service_request_register
from ethics_office.site.management.commands.rotate_field_keys import encrypted_fields

NEW_KEY = "Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eHh4eHh4eHg="
QUESTION = "May I sit on a charity board?"
FILE = b"%PDF-1.4 secret"


def _column(model, field, pk) -> str:
    """The value as stored in the database, without the field's decryption."""
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT "{field.column}" FROM "{model._meta.db_table}" WHERE "{model._meta.pk.column}" = %s',  # noqa: S608
            [pk],
        )
        return cursor.fetchone()[0]


def _every_stored_token():
    """(where, token) for every non-empty encrypted value in the database."""
    for model in apps.get_models():
        for field in encrypted_fields(model):
            with connection.cursor() as cursor:
                cursor.execute(
                    f'SELECT "{model._meta.pk.column}", "{field.column}" FROM "{model._meta.db_table}" '  # noqa: S608
                    f'WHERE "{field.column}" IS NOT NULL AND "{field.column}" <> %s',
                    [""],
                )
                for pk, token in cursor.fetchall():
                    yield f"{model._meta.label}.{field.name}#{pk}", token


def _decrypts(key: str, token: bytes) -> bool:
    try:
        Fernet(key.encode()).decrypt(token)
    except InvalidToken:
        return False
    return True


@pytest.mark.django_db
def test_rotation_moves_columns_and_files_to_the_new_key(settings, staff):
    """After rotate_field_keys every stored column and file is a new token that the new key opens
    and the old key does not; with the old key dropped everything still reads."""
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    sr = service_request_register(actor=staff, category="advice", requester=staff.person)
    req = AdviceRequest.objects.create(service_request=sr, question=QUESTION)
    name = private_storage.save("rotation/test.pdf", ContentFile(FILE))
    question = AdviceRequest._meta.get_field("question")
    column_before = _column(AdviceRequest, question, req.pk)
    file_before = Path(private_storage.path(name)).read_bytes()
    tokens_before = dict(_every_stored_token())
    assert column_before and _decrypts(old_key, column_before.encode())
    assert FILE not in file_before and _decrypts(old_key, file_before)

    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, old_key]
    call_command("rotate_field_keys", stdout=io.StringIO())

    column_after = _column(AdviceRequest, question, req.pk)
    assert column_after != column_before and "charity" not in column_after
    assert Fernet(NEW_KEY.encode()).decrypt(column_after.encode()).decode() == QUESTION
    assert not _decrypts(old_key, column_after.encode())
    file_after = Path(private_storage.path(name)).read_bytes()
    assert file_after != file_before
    assert Fernet(NEW_KEY.encode()).decrypt(file_after) == FILE
    assert not _decrypts(old_key, file_after)
    tokens_after = dict(_every_stored_token())
    assert tokens_after.keys() == tokens_before.keys()
    left_behind = [where for where, token in tokens_after.items() if not _decrypts(NEW_KEY, token.encode())]
    still_old = [where for where, token in tokens_after.items() if _decrypts(old_key, token.encode())]
    assert left_behind == [] and still_old == []

    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    assert AdviceRequest.objects.get(pk=req.pk).question == QUESTION
    with private_storage.open(name) as handle:
        assert handle.read() == FILE

    settings.FIELD_ENCRYPTION_KEYS = [old_key]  # the old key alone opens nothing any more
    with pytest.raises(DecryptionError):
        AdviceRequest.objects.get(pk=req.pk)
    with pytest.raises(DecryptionError):
        private_storage.open(name)
