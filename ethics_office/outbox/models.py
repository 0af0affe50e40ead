"""One row per e-mail the system sends, written in the transaction of the change that causes it."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from ethics_office.base.crypto import EncryptedTextField


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Audience(models.TextChoices):
    """Who may read a message's subject and text on the outbox page (the addresses are always shown)."""

    OFFICE = "office", _("The office")  # officers and the Director
    RECIPIENTS = "recipients", _("The Director and the recipients")
    NOBODY = "nobody", _("Nobody")  # e.g. a password-reset link


class OutboxMessage(models.Model):
    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=60, db_index=True)
    to = models.JSONField(_("recipients"), default=list)
    cc = models.JSONField(_("copy to"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    subject = EncryptedTextField(_("subject"))
    body = EncryptedTextField(_("text"))
    audience = models.CharField(
        _("content shown to"), max_length=20, choices=Audience.choices, default=Audience.OFFICE
    )
    # What the message is about (e.g. "disclosure.compliancenotice", "12"), for the pages that show it.
    object_type = models.CharField(_("object type"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    # A delivery in progress holds the row until this time; a worker that dies leaves it to expire.
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=Status.values), name="outbox_status_valid"),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return self.key

    @property
    def message_id(self) -> str:
        """A stable Message-ID, so a receiving server can drop a repeat of the same message."""
        return f"<{hashlib.sha256(self.key.encode()).hexdigest()[:32]}@outbox.ethics-office>"
