"""Private files are served decrypted, as downloads, and never cached."""

from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile

from ethics_office.base.files import private_download
from ethics_office.base.storage import private_storage


class _Holder:
    pass


def test_a_private_download_is_decrypted_and_uncacheable(settings):
    name = private_storage.save("t/evidence.pdf", ContentFile(b"%PDF-1.4 evidence"))
    with open(private_storage.path(name), "rb") as raw:
        assert b"evidence" not in raw.read()  # encrypted on disk

    class Field:
        storage = private_storage

    field_file = FieldFile(_Holder(), Field(), name)
    response = private_download(field_file, filename="evidence.pdf", content_type="application/pdf")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 evidence"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
