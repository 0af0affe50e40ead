"""Uploads are judged by their whole contents and must carry a name that reads true."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ethics_office.base.errors import ApplicationError
from ethics_office.base.uploads import check_upload

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()


def test_a_real_pdf_and_a_real_image_pass():
    assert check_upload(SimpleUploadedFile("letter.pdf", PDF)) == "application/pdf"
    assert check_upload(SimpleUploadedFile("photo.png", PNG)) == "image/png"


@pytest.mark.parametrize(
    "name,data",
    [
        ("page.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n"),
        ("cut.pdf", PDF[:-7]),  # no end-of-file marker: not a whole PDF
        ("fake.png", b"\x89PNG\r\n\x1a\n<html><body>not an image</body></html>"),
    ],
)
def test_a_file_that_only_starts_like_its_type_is_refused(name, data):
    """A PDF or PNG header on something else is refused, naming the file."""
    with pytest.raises(ApplicationError, match=name):
        check_upload(SimpleUploadedFile(name, data), field="attachment")


def test_a_name_with_direction_controls_is_refused():
    """ "invoice\u202efdp.exe" would read as "invoiceexe.pdf": refused with the reason."""
    with pytest.raises(ApplicationError, match="direction-changing") as refused:
        check_upload(SimpleUploadedFile("invoice\u202efdp.exe", PDF), field="evidence")
    assert refused.value.field == "evidence"


def _named(name):
    """A file the test client sends under exactly `name` (Django's own file objects refuse "..")."""
    upload = io.BytesIO(PDF)
    upload.name = name
    return upload


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["..", "."])
def test_a_file_named_dot_dot_is_an_error_on_the_page_not_a_silent_drop(client_for, name):
    """Django's parser would drop the file and the request would be saved without it."""
    from django.urls import reverse

    from advisory import services as advisory_services
    from advisory.models import AdviceRequest

    advisory_services.roadmap_defaults_load()
    response = client_for("staff").post(
        reverse("advisory-ask"),
        {"category": "other", "question": "May I accept a gift?", "attachments": _named(name)},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "a file needs a name of its own" in page and f"&#x27;{name}&#x27;" in page
    assert not AdviceRequest.objects.exists()


def test_the_parser_keeps_only_names_django_would_drop():
    from ethics_office.base.uploads import NamesKeptMultiPartParser

    parser = object.__new__(NamesKeptMultiPartParser)
    assert parser.sanitize_file_name("report.pdf") == "report.pdf"
    assert parser.sanitize_file_name("C:\\docs\\report.pdf") == "report.pdf"
    for sent in ["..", "../..", "folder/"]:
        with pytest.raises(ApplicationError, match="a file needs a name of its own") as refused:
            check_upload(SimpleUploadedFile(parser.sanitize_file_name(sent), PDF))
        assert repr(sent) in str(refused.value.message)
