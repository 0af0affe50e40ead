from django.db import models
from django.utils.translation import gettext_lazy as _

from ethics_office.intake.models import ServiceRequest


class InquiryKind(models.TextChoices):
    UNCLASSIFIED = "unclassified", _("Not yet classified")
    PROTECTION_REQUEST = "protection_request", _("Request for protection")
    POLICY_ADVICE = "policy_advice", _("Advice on the policy")
    OUTSIDE_MANDATE = "outside_mandate", _("Outside the mandate")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ReviewOutcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    PRIMA_FACIE = "prima_facie", _("Prima facie case: referred for investigation")
    NO_PRIMA_FACIE = "no_prima_facie", _("No prima facie case")
    CLOSED = "closed", _("Closed (withdrawn, abandoned or resolved informally)")


class RetaliationInquiry(models.Model):
    """A protection-related inquiry; its register entry (category `retaliation`) is `service_request`."""

    service_request = models.OneToOneField(
        ServiceRequest,
        on_delete=models.PROTECT,
        related_name="retaliation_inquiry",
        verbose_name=_("service request"),
    )
    kind = models.CharField(
        _("classification"), max_length=20, choices=InquiryKind.choices, default=InquiryKind.UNCLASSIFIED
    )
    review_outcome = models.CharField(
        _("preliminary review outcome"),
        max_length=20,
        choices=ReviewOutcome.choices,
        default=ReviewOutcome.PENDING,
    )
    review_completed = models.DateField(_("review completed"), null=True, blank=True)
    investigation_completed = models.DateField(_("investigation completed"), null=True, blank=True)
    retaliation_established = models.BooleanField(_("retaliation established"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("retaliation inquiry")
        verbose_name_plural = _("retaliation inquiries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=InquiryKind.values), name="retaliation_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(review_outcome__in=ReviewOutcome.values), name="retaliation_outcome_valid"
            ),
        ]

    def __str__(self):
        return self.service_request.ref if self.service_request_id else "retaliation inquiry"
