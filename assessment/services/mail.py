"""The one place an assessment e-mail leaves the system: through the outbox, written in the
caller's transaction and delivered after commit."""

import hashlib

from django.utils import timezone

from ethics_office.outbox.models import Audience
from ethics_office.outbox.services import outbox_enqueue


def assessment_mail_send(*, to: str, subject: str, body: str, key: str = "", language: str = "") -> None:
    if not to:
        return
    # Without a key of the caller's, one message per recipient, subject and moment.
    key = key or hashlib.sha256(f"{to}|{subject}|{timezone.now().isoformat()}".encode()).hexdigest()
    outbox_enqueue(
        key=f"assessment:{key}",
        kind="assessment.mail",
        to=[to],
        subject=str(subject),
        body=str(body),
        language=language,
        audience=Audience.RECIPIENTS,
    )
