from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.crypto import EncryptedTextField
from ethics_office.base.storage import private_storage


class MeetingKind(models.TextChoices):
    FORMAL = "formal", _("Formal")
    INFORMAL = "informal", _("Informal")


class MinutesStatus(models.TextChoices):
    NONE = "none", _("No minutes yet")
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class PanelMeeting(models.Model):
    ref = models.CharField(_("reference"), max_length=30, unique=True)
    date = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=MeetingKind.choices, default=MeetingKind.FORMAL)
    # Beyond the contract: imported history leaves these empty.
    venue = models.CharField(_("venue"), max_length=200, blank=True, default="")
    attending_offices = models.ManyToManyField(
        "MemberOffice", blank=True, related_name="meetings_attended", verbose_name=_("offices attending")
    )
    attendance_note = models.CharField(_("other attendance"), max_length=300, blank=True, default="")
    minutes = models.TextField(_("minutes"), blank=True, default="")
    minutes_status = models.CharField(
        _("minutes status"), max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.NONE
    )
    minutes_approved_on = models.DateField(_("minutes approved on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("panel meeting")
        verbose_name_plural = _("panel meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=MeetingKind.values), name="panel_meeting_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(minutes_status__in=MinutesStatus.values), name="panel_minutes_status_valid"
            ),
        ]

    def __str__(self):
        return self.ref


class PanelName(models.Model):
    """The body's own name over time: it was the United Nations Ethics Committee before it
    became the Ethics Panel of the United Nations."""

    name = models.CharField(_("name"), max_length=200)
    valid_from = models.DateField(_("valid from"), unique=True)

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("name of the Panel")
        verbose_name_plural = _("names of the Panel")

    def __str__(self):
        return self.name


class MemberOffice(models.Model):
    """An ethics office that belongs to the Panel (the Secretariat's, a fund's or a programme's)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("member office")
        verbose_name_plural = _("member offices")

    def __str__(self):
        return self.code


class MemberOfficeName(models.Model):
    """One name of a member office, valid from a date until the next name's date."""

    office = models.ForeignKey(
        MemberOffice, on_delete=models.CASCADE, related_name="names", verbose_name=_("member office")
    )
    name = models.CharField(_("name"), max_length=200)
    valid_from = models.DateField(_("valid from"))

    class Meta:
        ordering = ["office", "-valid_from"]
        verbose_name = _("member office name")
        verbose_name_plural = _("member office names")
        constraints = [
            models.UniqueConstraint(fields=["office", "valid_from"], name="member_office_name_unique_date")
        ]

    def __str__(self):
        return self.name


class ConsultationKind(models.TextChoices):
    CASE_CONSULTATION = "case_consultation", _("Consultation on a case")
    DETERMINATION_REVIEW = "determination_review", _("Review of a determination")
    REFERRAL_45_DAY = "referral_45_day", _("45-day referral")


class ConsultationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ConsultationOutcome(models.TextChoices):
    NONE = "", _("Not yet decided")
    ADVICE_GIVEN = "advice_given", pgettext_lazy("consultation outcome", "Advice given")
    DETERMINATION_UPHELD = "determination_upheld", _("Determination upheld")
    DETERMINATION_REVISED = "determination_revised", _("Determination revised")
    RECOMMENDATION_MADE = "recommendation_made", _("Recommendation made")
    WITHDRAWN = "withdrawn", pgettext_lazy("consultation outcome", "Withdrawn")


class Consultation(models.Model):
    """A matter put to the Panel. Its summary and outcome note are confidential case material:
    panel members read them only when the consultation is shared with them."""

    ref = models.CharField(_("reference"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=ConsultationKind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = EncryptedTextField(_("summary"), blank=True)
    received = models.DateField(_("received"), db_index=True)
    member_office = models.ForeignKey(
        MemberOffice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("member office"),
    )
    # Where the matter came from in this system (e.g. "retaliation", "PR-2026-0003").
    source_app = models.CharField(_("source application"), max_length=40, blank=True)
    source_ref = models.CharField(_("source reference"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ConsultationStatus.choices, default=ConsultationStatus.OPEN
    )
    outcome = models.CharField(
        _("outcome"), max_length=30, choices=ConsultationOutcome.choices, blank=True, default=""
    )
    outcome_note = EncryptedTextField(_("outcome note"), blank=True)
    closed_on = models.DateField(pgettext_lazy("consultation", "closed on"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="panel_consultations_shared",
        verbose_name=_("shared with"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received", "-id"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ConsultationKind.values), name="panel_consultation_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ConsultationStatus.values),
                name="panel_consultation_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status="open", outcome="")
                | models.Q(status="closed") & ~models.Q(outcome=""),
                name="panel_consultation_outcome_when_closed",
            ),
        ]

    def __str__(self):
        return self.ref


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        PanelMeeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("agenda item"), max_length=300)
    decision = models.TextField(_("decision"), blank=True, default="")

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(
        PanelMeeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=private_storage, upload_to="panel/meetings/%Y/")
    content_type = models.CharField(max_length=100)
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self):
        return self.title


class OfficeAnnualReport(models.Model):
    """A member office's annual report: received, reviewed by the Panel, its recommendations."""

    office = models.ForeignKey(
        MemberOffice, on_delete=models.PROTECT, related_name="annual_reports", verbose_name=_("member office")
    )
    year = models.PositiveSmallIntegerField(_("year covered"))
    received_on = models.DateField(_("received on"))
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "office__code"]
        verbose_name = _("member office annual report")
        verbose_name_plural = _("member office annual reports")
        constraints = [models.UniqueConstraint(fields=["office", "year"], name="office_annual_report_once")]

    def __str__(self):
        return f"{self.office_id} {self.year}"
