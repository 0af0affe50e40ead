"""Checks on uploaded files: size, a safe name, and a type judged from the whole file, not the name."""

import html
import io
import unicodedata
import zipfile

from django.conf import settings
from django.http.multipartparser import MultiPartParser
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


def _name_problem(name: str) -> str | None:
    """Why a file name cannot be kept, or None. Names are shown to people, so they must read true."""
    name, dropped = _sent_name(name)
    stem = (name or "").strip()
    if dropped or stem in {"", ".", ".."} or "/" in stem or "\\" in stem:
        return _("a file needs a name of its own (not empty, “.”, “..” or a path)")
    # Bidirectional controls make "invoice\u202efdp.exe" read as "invoiceexe.pdf".
    if any(unicodedata.category(ch) in {"Cc", "Cf"} for ch in stem):
        return _("the name contains invisible or direction-changing characters")
    return None


def _whole_file_is(kind: str, upload) -> bool:
    """Parse the whole file as the type its first bytes claim, so a PDF header on HTML is refused."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        if kind == "application/pdf":
            # A PDF ends with its end-of-file marker, and what follows its header is PDF, not a
            # page that only starts with "%PDF-" to pass for one (a polyglot carrying HTML).
            opening, ending = data[:1024].lower(), data[-2048:].lower()
            markup = (b"<html", b"<script", b"<!doctype", b"<body", b"<svg", b"<iframe")
            return b"%%eof" in ending and not any(tag in opening for tag in markup)
        if kind.startswith("image/"):
            from PIL import Image

            with Image.open(io.BytesIO(data)) as image:
                image.verify()
            return True
    except Exception:  # any parser failure means the file is not what it claims to be
        return False
    return True  # Word: the archive was opened and its document found by sniff_content_type


def check_upload(upload, *, field: str = "attachment") -> str:
    """Validate an UploadedFile; return its sniffed content type or raise ApplicationError."""
    problem = _name_problem(upload.name)
    if problem:
        raise ApplicationError(
            _("%(name)r cannot be accepted: %(problem)s.")
            % {"name": _sent_name(upload.name)[0], "problem": problem},
            field=field,
        )
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
    if kind not in ALLOWED_TYPES or not _whole_file_is(kind, upload):
        raise ApplicationError(
            _("%(name)s is not a PDF, Word document or image (judged from its contents, not its name).")
            % {"name": upload.name},
            field=field,
        )
    return kind


# Marks a name that Django's parser would have dropped; `check_upload` refuses it, naming the original.
_DROPPED = "\ue000"
_SLASH = "\u2215"


class NamesKeptMultiPartParser(MultiPartParser):
    """Django drops a file whose name sanitises to nothing ("..", ".", "folder/") without a word,
    so a person who attached it is told nothing. This parser keeps such a file under a marked
    name, which `check_upload` then refuses with an error naming what was sent."""

    def sanitize_file_name(self, file_name):
        sanitized = super().sanitize_file_name(file_name)
        if sanitized is not None:
            return sanitized
        sent = "".join(ch for ch in html.unescape(file_name) if ch.isprintable())
        return sent.replace("/", _SLASH).replace("\\", _SLASH) + _DROPPED


def _sent_name(name: str) -> tuple[str, bool]:
    """The name as its sender gave it, and whether the parser marked it as unusable."""
    if name and name.endswith(_DROPPED):
        return name[: -len(_DROPPED)].replace(_SLASH, "/"), True
    return name, False
