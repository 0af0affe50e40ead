"""The one place an assessment e-mail leaves the system.

Sent after the transaction commits, through django.core.mail for now; when the outbox app
lands, this function is the only thing that changes.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction


def assessment_mail_send(*, to: str, subject: str, body: str) -> None:
    if not to:
        return

    def deliver():
        EmailMessage(str(subject), str(body), settings.DEFAULT_FROM_EMAIL, [to]).send()

    transaction.on_commit(deliver)
