"""The shape every confidential message thread shares (advice, protection against retaliation):
who wrote from which side, the encrypted text, when. Each app adds its case and its author."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .crypto import EncryptedTextField


class ThreadMessage(models.Model):
    from_office = models.BooleanField(_("from the Ethics Office"), default=False)
    body = EncryptedTextField(_("message"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"message #{self.pk}"
