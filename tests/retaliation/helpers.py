"""Small builders shared by the retaliation tests and the access-matrix rows."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from retaliation import services
from retaliation.models import InquiryKind


# A 1×1 PNG: small, and a real image by its bytes (a whole-file check parses it).
def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png_bytes()


def png(name="evidence.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def action(days_ago=10, taken_by="First reporting officer", description="Downgraded my appraisal"):
    return {
        "occurred_on": timezone.localdate() - dt.timedelta(days=days_ago),
        "taken_by": taken_by,
        "description": description,
    }


def inquiry_make(
    users, *, requester="staff", assign="officer", kind=None, files=(), narrative=None, **classify
):
    inquiry = services.inquiry_request(
        actor=users[requester],
        protected_activity="reported_misconduct",
        reported_to="OIOS hotline",
        reported_on=timezone.localdate() - dt.timedelta(days=40),
        narrative=narrative or "I reported fraud in procurement.",
        actions=[action()],
        files=list(files),
    )
    if assign:
        services.inquiry_assign(actor=users["director"], inquiry_id=inquiry.pk, officer=users[assign])
    if kind:
        services.inquiry_classify(actor=users["director"], inquiry_id=inquiry.pk, kind=kind, **classify)
    inquiry.refresh_from_db()
    return inquiry


__all__ = ["InquiryKind", "action", "inquiry_make", "png"]
