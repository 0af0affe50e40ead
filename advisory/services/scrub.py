"""Metadata out of files before they are stored: EXIF/XMP/text chunks of images, /Info and XMP of PDFs.

Used for anonymous questions, where a camera's serial number, a GPS position or a PDF's
"Author" would tell who asked. Images are re-drawn from their pixels (upright, first frame
only for an animated GIF); PDFs are rewritten page by page with pypdf, without the document
information dictionary or any /Metadata stream. Word documents are kept as they are (their
docProps are not rewritten: the page says so).
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

from ethics_office.base.errors import ApplicationError

_IMAGE_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF"}


def _image_clean(data: bytes, kind: str) -> bytes:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        image.seek(0)
        upright = ImageOps.exif_transpose(image) if kind == "image/jpeg" else image.copy()
        mode = upright.mode
        if kind == "image/jpeg" and mode not in ("RGB", "L", "CMYK"):
            upright, mode = upright.convert("RGB"), "RGB"
        # A new image from the pixels alone carries no info, EXIF, XMP, ICC or text chunks.
        clean = Image.frombytes(mode, upright.size, upright.tobytes())
        if mode == "P":
            clean.putpalette(upright.getpalette())
        out = io.BytesIO()
        clean.save(out, format=_IMAGE_FORMATS[kind])
        return out.getvalue()


def _pdf_clean(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ApplicationError(_("Password-protected PDFs cannot be accepted here."), field="attachments")
    writer = PdfWriter()
    for page in reader.pages:
        added = writer.add_page(page)
        if NameObject("/Metadata") in added:
            del added[NameObject("/Metadata")]
    writer.metadata = None  # no /Info dictionary (not even pypdf's /Producer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def metadata_stripped(upload, kind: str):
    """A new upload holding the file without its metadata (or the same upload for other types)."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        if kind in _IMAGE_FORMATS:
            clean = _image_clean(data, kind)
        elif kind == "application/pdf":
            clean = _pdf_clean(data)
        else:
            return upload
    except ApplicationError:
        raise
    except Exception:  # a file that cannot be rewritten is not kept with its metadata
        raise ApplicationError(
            _("%(name)s could not be cleaned of its metadata; send it another way.") % {"name": upload.name},
            field="attachments",
        ) from None
    return SimpleUploadedFile(upload.name, clean, content_type=kind)
