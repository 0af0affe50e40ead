import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Action(models.TextChoices):
    VIEW = "view", _("View")
    CREATE = "create", pgettext_lazy("audit action", "Create")
    UPDATE = "update", pgettext_lazy("audit action", "Update")
    TRANSITION = "transition", _("Transition")
    EXPORT = "export", _("Export")
    LOGIN = "login", _("Login")
    LOGIN_FAILED = "login_failed", _("Login failed")
    LOGOUT = "logout", _("Logout")
    PERMISSION_CHANGE = "permission_change", _("Permission change")
    IMPORT = "import", pgettext_lazy("audit action", "Import")
    SEND = "send", pgettext_lazy("audit action", "Send")
    DENIED = "denied", _("Access denied")


class AuditEvent(models.Model):
    """Append-only. On PostgreSQL triggers refuse UPDATE, DELETE and TRUNCATE.

    Writers insert events without waiting for each other; right after each commit the events
    are sealed into a keyed hash chain (`AuditSeal`), so an edit, a deletion or a truncation
    made behind the application's back is found by `verify_audit`.
    """

    at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("actor"), max_length=150, blank=True)
    action = models.CharField(
        pgettext_lazy("audit event", "action"), max_length=30, choices=Action.choices, db_index=True
    )
    # The operation, finer than the action: "<app>.<service>", e.g. "advisory.advice_request_reassign".
    code = models.CharField(_("operation"), max_length=100, blank=True, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    fields = models.JSONField(_("fields changed"), default=list, blank=True)
    # Non-confidential old → new values (e.g. a status), never case content.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return (
            f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}#{self.object_id}"
        )

    def content_for_hash(self) -> str:
        return json.dumps(
            {
                "at": self.at.isoformat(),
                "actor": self.actor_id,
                "actor_label": self.actor_label,
                "action": self.action,
                "code": self.code,
                "object_type": self.object_type,
                "object_id": self.object_id,
                "fields": self.fields,
                "changes": self.changes,
                "client_address": self.client_address,
            },
            sort_keys=True,
            default=str,
        )


class AuditSeal(models.Model):
    """One link of the chain: event number `seq` in commit order, keyed over the link before it.

    hash = HMAC(key, prev_hash + event content). The key (AUDIT_HMAC_KEYS) lives outside the
    database, so whoever can write the tables still cannot forge a chain that verifies.
    Append-only like the events.
    """

    seq = models.BigIntegerField(primary_key=True)
    event = models.OneToOneField(AuditEvent, on_delete=models.PROTECT, related_name="seal")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    key_id = models.CharField(max_length=16)
    sealed_at = models.DateTimeField()

    class Meta:
        ordering = ["seq"]

    def __str__(self):
        return f"#{self.seq} {self.hash[:12]}"


class AuditPending(models.Model):
    """An event written but not yet sealed: inserted with the event, removed when it is sealed."""

    event = models.OneToOneField(AuditEvent, on_delete=models.PROTECT, primary_key=True, related_name="+")

    def __str__(self):
        return f"pending #{self.event_id}"
