"""Serving private files: only after a gate, always as a download, never cached."""

from django.http import FileResponse
from django.utils.cache import add_never_cache_headers


def private_download(file, *, filename: str, content_type: str | None = None) -> FileResponse:
    """`file` is a FieldFile on private storage (decrypted on open). Call only after the gate."""
    response = FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    # Confidential material must not stay in browser or proxy caches.
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response
