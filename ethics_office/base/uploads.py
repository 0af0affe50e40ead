"""Checks on uploaded files: size, and type judged from the bytes, not the name."""

import io
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import ApplicationError

# Types staff may attach: PDF, Word, images.
ALLOWED_TYPES = frozenset(
    {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/msword",
        "image/png",
        "image/jpeg",
        "image/gif",
    }
)


def sniff_content_type(head: bytes, fileobj=None) -> str | None:
    """The type the file's first bytes say it is, or None."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "application/msword"
    if head.startswith(b"PK\x03\x04") and fileobj is not None:
        try:
            fileobj.seek(0)
            with zipfile.ZipFile(io.BytesIO(fileobj.read())) as archive:
                if "word/document.xml" in archive.namelist():
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        except zipfile.BadZipFile:
            return None
    return None


def check_upload(upload, *, field: str = "attachment") -> str:
    """Validate an UploadedFile; return its sniffed content type or raise ApplicationError."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ApplicationError(
            _("%(name)s is %(size)s MB; files may be at most %(limit)s MB.")
            % {"name": upload.name, "size": round(upload.size / 1048576, 1), "limit": limit // 1048576},
            field=field,
        )
    upload.seek(0)
    head = upload.read(16)
    kind = sniff_content_type(head, upload)
    upload.seek(0)
    if kind not in ALLOWED_TYPES:
        raise ApplicationError(
            _("%(name)s is not a PDF, Word document or image (judged from its contents, not its name).")
            % {"name": upload.name},
            field=field,
        )
    return kind
