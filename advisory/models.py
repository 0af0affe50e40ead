from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ethics_office.intake.models import ServiceRequest

from .workflow import Status


class AdviceCategory(models.Model):
    """Reference data; the codes of the records spec always exist (data migration)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("label (English)"), max_length=120)
    label_zh = models.CharField(_("label (Chinese)"), max_length=120)
    description = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    ordering = models.PositiveSmallIntegerField(default=100)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["ordering", "code"]
        verbose_name = _("advice category")
        verbose_name_plural = _("advice categories")

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        if (get_language() or "").startswith("zh") and self.label_zh:
            return self.label_zh
        return self.label


class AdviceRequest(models.Model):
    """An advice or policy-support request; its register entry is `service_request`."""

    service_request = models.OneToOneField(
        ServiceRequest, on_delete=models.PROTECT, related_name="advice", verbose_name=_("service request")
    )
    category = models.ForeignKey(
        AdviceCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("advice category"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="advice_request_status_valid"
            )
        ]

    def __str__(self):
        return self.service_request.ref if self.service_request_id else "advice request"
