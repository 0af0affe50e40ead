"""Key rotation re-encrypts every confidential column and private file under the newest key."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from advisory.models import AdviceRequest
from ethics_office.base.storage import private_storage
from ethics_office.intake.services import service_request_register

NEW_KEY = "Zm9vYmFyYmF6cXV4cXV1eHh4eHh4eHh4eHh4eHh4eHg="


@pytest.mark.django_db
def test_rotation_moves_columns_and_files_to_the_new_key(settings, staff):
    """After rotate_field_keys the old key can be dropped and everything still reads."""
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    person = staff.person
    sr = service_request_register(actor=staff, category="advice", requester=person)
    req = AdviceRequest.objects.create(service_request=sr, question="May I sit on a charity board?")
    name = private_storage.save("rotation/test.pdf", ContentFile(b"%PDF-1.4 secret"))

    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, old_key]
    call_command("rotate_field_keys", stdout=io.StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]

    assert AdviceRequest.objects.get(pk=req.pk).question == "May I sit on a charity board?"
    with private_storage.open(name) as handle:
        assert handle.read() == b"%PDF-1.4 secret"
    with connection.cursor() as cursor:
        cursor.execute("SELECT question FROM advisory_advicerequest WHERE id = %s", [req.pk])
        assert "charity" not in cursor.fetchone()[0]
