"""How long each kind of record is kept, the holds that stop a deletion, and what a purge leaves."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordType(models.TextChoices):
    ADVICE_REQUEST = "advice_request", _("Closed advice requests, their messages, notes and attachments")
    DISCLOSURE_FILING = (
        "disclosure_filing",
        _("Financial disclosure statements and review material (correspondence, documents, queries)"),
    )
    RETALIATION_CASE = "retaliation_case", _("Retaliation case files (narrative, evidence, notes, letters)")
    TRAINING_ATTENDANCE = "training_attendance", _("Training attendance lists")
    OUTBOX_MESSAGE = "outbox_message", _("Outbox messages")


class CountedFrom(models.TextChoices):
    CLOSURE = "closure", _("Closure of the case")
    CYCLE_END = "cycle_end", _("End (closing) of the filing cycle")
    SESSION = "session", _("Date of the session")
    LAST_ACTIVITY = "last_activity", _("Last activity (sent or last attempt)")


class RetentionSchedule(models.Model):
    record_type = models.CharField(_("record type"), max_length=30, choices=RecordType.choices, unique=True)
    years = models.PositiveSmallIntegerField(_("years kept"))
    counted_from = models.CharField(_("counted from"), max_length=20, choices=CountedFrom.choices)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["record_type"]
        verbose_name = _("retention schedule")
        verbose_name_plural = _("retention schedules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(years__gte=1, years__lte=100), name="retention_years_range"
            )
        ]

    def __str__(self):
        return f"{self.record_type}: {self.years}"


class LegalHold(models.Model):
    """While a hold is in place (not lifted) the record is never purged."""

    record_type = models.CharField(_("record type"), max_length=30, choices=RecordType.choices)
    object_id = models.PositiveBigIntegerField(_("record id"))
    reason = models.TextField(_("reason"), max_length=2000)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("placed by")
    )
    placed_at = models.DateTimeField(_("placed at"), auto_now_add=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lifted by"),
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lift_reason = models.TextField(_("reason for lifting"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-placed_at"]
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")
        indexes = [models.Index(fields=["record_type", "object_id"])]

    def __str__(self):
        return f"{self.record_type} {self.object_id}"


class Tombstone(models.Model):
    """What is left of a purged record's content: that it existed and when it went. The record's
    own row keeps only the fields the annual report and the audit trail need."""

    record_type = models.CharField(_("record type"), max_length=30, choices=RecordType.choices)
    object_id = models.PositiveBigIntegerField(_("record id"))
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    purged_at = models.DateTimeField(_("purged at"), auto_now_add=True)

    class Meta:
        ordering = ["-purged_at"]
        verbose_name = _("tombstone")
        verbose_name_plural = _("tombstones")
        constraints = [
            models.UniqueConstraint(fields=["record_type", "object_id"], name="tombstone_once_per_record")
        ]

    def __str__(self):
        return f"{self.record_type} {self.object_id}"
