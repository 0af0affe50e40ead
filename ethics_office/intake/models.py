"""The intake register: every request that reaches the office (what figures I–III count)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ethics_office.base.i18n import BilingualLabel
from ethics_office.organisation.models import DutyStation, Entity, Person


class ServiceCategory(BilingualLabel):
    """Reference data; the codes of the records spec always exist (migration 0002)."""

    class Meta(BilingualLabel.Meta):
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    EMAIL = "email", _("E-mail")
    HELPLINE = "helpline", _("Helpline")
    IN_PERSON = "in_person", _("In person")
    REFERRAL = "referral", _("Referral")
    IMPORT = "import", _("Imported record")
    # The public page: nobody signed in, no address kept; the person holds a receipt code.
    ANONYMOUS_WEB = "anonymous_web", _("Anonymous web form")


class ServiceRequest(models.Model):
    ref = models.CharField(_("reference"), max_length=30, unique=True)
    received = models.DateField(_("received"), db_index=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    category = models.ForeignKey(
        ServiceCategory, on_delete=models.PROTECT, related_name="requests", verbose_name=_("category")
    )
    requester = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="service_requests",
        verbose_name=_("requester"),
    )
    entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="service_requests",
        verbose_name=_("source entity"),
    )
    duty_station = models.ForeignKey(
        DutyStation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="service_requests",
        verbose_name=_("duty station"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received", "-id"]
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(channel__in=Channel.values), name="service_request_channel_valid"
            )
        ]

    def __str__(self):
        return self.ref


class RefCounter(models.Model):
    """Per-prefix, per-year sequence for human references such as ADV-2012-0042."""

    prefix = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="refcounter_unique")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last}"
