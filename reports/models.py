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
