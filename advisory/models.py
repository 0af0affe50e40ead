from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.crypto import EncryptedTextField
from ethics_office.base.i18n import BilingualLabel, localized
from ethics_office.base.storage import private_storage
from ethics_office.base.threads import ThreadMessage
from ethics_office.intake.models import ServiceRequest


class Status(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("advice status", "Received")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", pgettext_lazy("advice status", "In progress")
    AWAITING_REQUESTER = "awaiting_requester", _("Awaiting requester")
    ADVISED = "advised", _("Advised")
    CLOSED = "closed", pgettext_lazy("advice status", "Closed")
    WITHDRAWN = "withdrawn", pgettext_lazy("advice status", "Withdrawn")


class Outcome(models.TextChoices):
    ADVISED = "advised", _("Advised")
    REFERRED = "referred", _("Referred elsewhere")
    OUTSIDE_MANDATE = "outside_mandate", _("Outside the mandate")
    WITHDRAWN = "withdrawn", pgettext_lazy("advice outcome", "Withdrawn")


class VendorRecommendation(models.TextChoices):
    REINSTATE = "reinstate", _("Invite to re-register (reinstate)")
    DO_NOT_REINSTATE = "do_not_reinstate", _("Do not reinstate")
    MONITOR = "monitor", _("Monitor compliance")
    OTHER = "other", _("Other")


class AdviceCategory(BilingualLabel):
    """Reference data; the codes of the records spec always exist (data migration)."""

    description = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    active = models.BooleanField(default=True)

    class Meta(BilingualLabel.Meta):
        verbose_name = _("advice category")
        verbose_name_plural = _("advice categories")

    @property
    def display_description(self) -> str:
        return localized(self, "description")


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
    # Fields below are live-case fields; imported history rows leave them empty.
    question = EncryptedTextField(_("question"), blank=True, default="")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="advice_requests_assigned",
        verbose_name=_("officer"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    advised_at = models.DateTimeField(_("advised"), null=True, blank=True)
    advice = EncryptedTextField(_("advice given"), blank=True, default="")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True, default="")
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True, default="")
    vendor_name = models.CharField(_("vendor"), max_length=200, blank=True, default="")
    vendor_recommendation = models.CharField(
        _("recommendation"), max_length=20, choices=VendorRecommendation.choices, blank=True, default=""
    )
    vendor_note = EncryptedTextField(_("recommendation details"), blank=True, default="")
    # Anonymous questions (channel anonymous_web): the receipt code's public first group, for an
    # O(1) look-up, and a slow hash (Django's password hashers) of the whole code.
    receipt_lookup = models.CharField(
        _("receipt look-up"), max_length=8, unique=True, null=True, blank=True, editable=False
    )
    receipt_hash = models.CharField(_("receipt hash"), max_length=200, blank=True, default="", editable=False)
    # Set when the requester writes in the thread, cleared when the office replies: the queue's mark.
    requester_wrote_at = models.DateTimeField(_("new reply from requester"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")
        permissions = [("handle_advicerequest", _("Handles this advice request"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="advice_request_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome__in=[*Outcome.values, ""]), name="advice_request_outcome_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(vendor_recommendation__in=[*VendorRecommendation.values, ""]),
                name="advice_request_vendor_recommendation_valid",
            ),
        ]
        indexes = [
            # The queue's visibility test and status filters read only these columns, so counts
            # (the total of the queue, the home panels) are index-only scans (docs/performance.md).
            models.Index(
                fields=["status", "assigned_to", "service_request", "id"], name="advice_queue_count_idx"
            ),
        ]

    def __str__(self):
        return self.service_request.ref if self.service_request_id else "advice request"


class AdviceMessage(ThreadMessage):
    """The confidential thread between the requester and the office."""

    request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="messages", verbose_name=_("advice request")
    )
    # Empty for an anonymous requester's message (no account is known or kept).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )


class InternalNote(models.Model):
    """The office's own notes on a request; the requester never sees them."""

    request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="notes", verbose_name=_("advice request")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    body = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return f"note #{self.pk}"


class AdviceAttachment(models.Model):
    """A file attached by the requester; encrypted on disk, served only through the gate."""

    request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("advice request")
    )
    # Set when the file came with a message in the thread rather than with the question.
    message = models.ForeignKey(
        "AdviceMessage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("message"),
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to="advisory/%Y/%m/")
    original_name = EncryptedTextField(_("file name"))
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class Precedent(models.Model):
    """An anonymised summary of advice given, so officers answer alike."""

    category = models.ForeignKey(
        AdviceCategory, on_delete=models.PROTECT, related_name="precedents", verbose_name=_("advice category")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("anonymised summary"))
    source = models.ForeignKey(
        AdviceRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="precedents",
        verbose_name=_("source request"),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("published by")
    )
    published_at = models.DateTimeField(pgettext_lazy("precedent", "published"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("precedent")
        verbose_name_plural = _("precedents")

    def __str__(self):
        return self.title


class RoadmapEntry(models.Model):
    """One office on the Roadmap: what it handles and how to reach it, in both languages."""

    name = models.CharField(_("office (English)"), max_length=200)
    name_zh = models.CharField(_("office (Chinese)"), max_length=200, blank=True, default="")
    handles = models.TextField(_("what it handles (English)"))
    handles_zh = models.TextField(_("what it handles (Chinese)"), blank=True, default="")
    contact = models.TextField(_("how to reach it (English)"))
    contact_zh = models.TextField(_("how to reach it (Chinese)"), blank=True, default="")
    ordering = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["ordering", "id"]
        verbose_name = _("Roadmap entry")
        verbose_name_plural = _("Roadmap entries")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        return localized(self, "name")

    @property
    def display_handles(self) -> str:
        return localized(self, "handles")

    @property
    def display_contact(self) -> str:
        return localized(self, "contact")
