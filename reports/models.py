from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class BaselineMetric(models.TextChoices):
    SERVICE_REQUESTS = "service_requests", _("Service requests")


class Baseline(models.Model):
    """A period's total from before case-level records existed (editable by administrators)."""

    period = models.CharField(_("period"), max_length=9, help_text=_("YYYY-YYYY, e.g. 2006-2007"))
    metric = models.CharField(_("metric"), max_length=40, choices=BaselineMetric.choices)
    value = models.PositiveIntegerField(_("value"))

    class Meta:
        ordering = ["period", "metric"]
        verbose_name = _("baseline figure")
        verbose_name_plural = _("baseline figures")
        constraints = [
            models.UniqueConstraint(fields=["period", "metric"], name="baseline_unique"),
            models.CheckConstraint(
                condition=models.Q(period__regex=r"^\d{4}-\d{4}$"), name="baseline_period_format"
            ),
        ]

    def __str__(self):
        return f"{self.period} {self.metric} = {self.value}"


class ReportSymbol(models.Model):
    """The General Assembly document a period's report is issued as: its symbol (A/67/306),
    session, agenda item and date, for the masthead and the running header (editable by
    administrators)."""

    period = models.CharField(
        _("period"), max_length=9, unique=True, help_text=_("YYYY-YYYY, e.g. 2006-2007")
    )
    symbol = models.CharField(_("document symbol"), max_length=40, help_text=_("e.g. A/67/306"))
    session = models.PositiveSmallIntegerField(_("session of the General Assembly"))
    agenda_item = models.PositiveSmallIntegerField(_("item of the provisional agenda"), null=True, blank=True)
    agenda_title = models.CharField(_("title of the agenda item"), max_length=200, blank=True)
    issued = models.DateField(_("date of issue"), null=True, blank=True)

    class Meta:
        ordering = ["-period"]
        verbose_name = _("report symbol")
        verbose_name_plural = _("report symbols")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period__regex=r"^\d{4}-\d{4}$"), name="report_symbol_period_format"
            ),
        ]

    def __str__(self):
        return f"{self.period} {self.symbol}"


class ImportJobKind(models.TextChoices):
    CHECK = "check", _("Check (dry run)")
    APPLY = "apply", _("Import")


class ImportJobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for a worker")
    RUNNING = "running", _("Running")
    DONE = "done", pgettext_lazy("import status", "Done")
    REJECTED = "rejected", _("The file has errors")
    FAILED = "failed", pgettext_lazy("import status", "Failed")


class ImportJob(models.Model):
    """One run of the records import in a Celery worker: a check (dry run) or the import itself.

    The file waits encrypted in private storage (`file_name`) until the import is applied or
    abandoned; the worker writes the outcome here after its transaction. Progress while it runs
    lives in the cache (the import's own transaction cannot show it to other connections)."""

    id = models.UUIDField(primary_key=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=ImportJobKind.choices)
    status = models.CharField(max_length=10, choices=ImportJobStatus.choices, default=ImportJobStatus.QUEUED)
    file_name = models.CharField(max_length=200)
    filename = models.CharField(max_length=200, blank=True)
    lines = models.PositiveIntegerField(default=0)
    records = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)
    check_job = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "running", "done", "rejected", "failed"]),
                name="importjob_status_valid",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.id}"

    @property
    def finished(self) -> bool:
        return self.status not in (ImportJobStatus.QUEUED, ImportJobStatus.RUNNING)

    def confirmed(self) -> bool:
        """A check whose import has been queued (a checked file is imported once)."""
        return ImportJob.objects.filter(check_job=self).exists()

    @property
    def changed(self) -> bool:
        return any(c.get("created") or c.get("updated") for c in self.counts.values())

    @property
    def created_rows(self) -> int:
        return sum(c.get("created", 0) for c in self.counts.values())

    @property
    def updated_rows(self) -> int:
        return sum(c.get("updated", 0) for c in self.counts.values())
