from django.db import models
from django.utils.translation import gettext_lazy as _


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
