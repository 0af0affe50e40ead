import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.crypto import EncryptedTextField
from ethics_office.base.storage import private_storage
from ethics_office.base.threads import ThreadMessage
from ethics_office.intake.models import ServiceRequest

from . import clock


class Status(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("retaliation case status", "Received")
    UNDER_REVIEW = "under_review", _("Preliminary review")
    PAUSED = "paused", _("Review paused: awaiting the complainant")
    SIGN_OFF = "sign_off", _("Prima facie finding: awaiting the Director's sign-off")
    REFERRED = "referred", _("Referred for investigation")
    DETERMINATION = "determination", _("Investigation report received: awaiting determination")
    # Established, no corrective measure recommended yet: never "followed" while there is none.
    ESTABLISHED = "established", _("Retaliation established: corrective measures to be recommended")
    CORRECTIVE = "corrective", _("Retaliation established: corrective measures followed")
    CLOSED = "closed", pgettext_lazy("retaliation case status", "Closed")
    # Rows loaded by the records import carry only the contract fields; they are history,
    # not live cases, and take no transitions.
    IMPORTED = "imported", _("Imported history record")


# Statuses in which the 45-day preliminary-review clock exists.
CLOCK_STATUSES = frozenset({Status.UNDER_REVIEW, Status.PAUSED})


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


class ProtectedActivity(models.TextChoices):
    REPORTED_MISCONDUCT = "reported_misconduct", _("Reported misconduct")
    COOPERATED = "cooperated", _("Cooperated with a duly authorised audit or investigation")


class ReferralBody(models.TextChoices):
    """Where a matter outside the mandate is referred."""

    OMS = "oms", _("Ombudsman and Mediation Services")
    OSLA = "osla", _("Office of Staff Legal Assistance")
    MEU = "meu", _("Management Evaluation Unit")
    OHRM = "ohrm", _("Office of Human Resources Management")
    OTHER = "other", _("Another office")


class ClosureReason(models.TextChoices):
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ABANDONED = "abandoned", _("Abandoned")
    RESOLVED = "resolved", _("Resolved informally")


class InvestigationBody(models.TextChoices):
    OIOS = "oios", _("Office of Internal Oversight Services (OIOS)")
    ALTERNATIVE = "alternative", _("Alternative investigation mechanism")


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
    # Everything below arrived after the contract fields: nullable or defaulted, because
    # imported history rows carry only the fields above.
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IMPORTED)
    protected_activity = models.CharField(
        _("protected activity"), max_length=30, choices=ProtectedActivity.choices, blank=True, default=""
    )
    reported_to = EncryptedTextField(_("reported to"), blank=True, default="")
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    narrative = EncryptedTextField(_("what happened"), blank=True, default="")
    referred_to = models.CharField(
        _("referred to"), max_length=10, choices=ReferralBody.choices, blank=True, default=""
    )
    referred_to_other = models.CharField(_("other office"), max_length=200, blank=True, default="")
    classified_on = models.DateField(_("classified on"), null=True, blank=True)
    # The preliminary-review clock (see retaliation/clock.py for the rule).
    review_started = models.DateField(_("review opened"), null=True, blank=True)
    review_paused_days = models.PositiveIntegerField(_("days paused"), default=0)
    review_paused_since = models.DateField(_("paused since"), null=True, blank=True)
    protected_activity_found = models.BooleanField(
        _("engaged in a protected activity"), null=True, blank=True
    )
    protected_activity_reasoning = EncryptedTextField(
        _("reasoning: protected activity"), blank=True, default=""
    )
    contributing_factor_found = models.BooleanField(
        _("activity was a contributing factor"), null=True, blank=True
    )
    contributing_factor_reasoning = EncryptedTextField(
        _("reasoning: contributing factor"), blank=True, default=""
    )
    closure_reason = models.CharField(
        _("reason for closure"), max_length=20, choices=ClosureReason.choices, blank=True, default=""
    )
    investigation_body = models.CharField(
        _("investigating body"), max_length=20, choices=InvestigationBody.choices, blank=True, default=""
    )
    investigation_body_name = models.CharField(
        _("name of the alternative mechanism"), max_length=200, blank=True, default=""
    )
    investigation_referred = models.DateField(_("referred for investigation on"), null=True, blank=True)
    investigation_expected = models.DateField(_("report expected by"), null=True, blank=True)
    determination_reasoning = EncryptedTextField(_("reasons for the determination"), blank=True, default="")
    determined_on = models.DateField(_("determined on"), null=True, blank=True)
    # Two-person rule: the officer records the review; the Director (or the alternate) signs off
    # a prima facie finding before the referral goes out.
    review_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("review recorded by"),
    )
    prima_facie_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prima facie finding signed off by"),
    )
    prima_facie_signed_on = models.DateField(_("prima facie finding signed off on"), null=True, blank=True)
    determined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("determined by"),
    )
    # People the office has identified as responsible for the alleged retaliation: they, like the
    # complainant, never see or act on the case for the office (segregation of duties).
    named_people = models.ManyToManyField(
        "organisation.Person", blank=True, related_name="+", verbose_name=_("named as responsible")
    )
    first_alert_sent_at = models.DateTimeField(_("day-30 alert sent"), null=True, blank=True)
    deadline_alert_sent_at = models.DateTimeField(_("deadline alert sent"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        permissions = [
            ("handle_retaliationinquiry", "Can handle this retaliation inquiry (assigned officer)")
        ]
        verbose_name = _("retaliation inquiry")
        verbose_name_plural = _("retaliation inquiries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=InquiryKind.values), name="retaliation_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(review_outcome__in=ReviewOutcome.values), name="retaliation_outcome_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="retaliation_status_valid"
            ),
        ]

    def __str__(self):
        return self.service_request.ref if self.service_request_id else "retaliation inquiry"

    def _clock_args(self, today):
        return {
            "started": self.review_started,
            "closed_pause_days": self.review_paused_days,
            "paused_since": self.review_paused_since,
            "today": today or timezone.localdate(),
        }

    @property
    def has_clock(self) -> bool:
        return self.status in CLOCK_STATUSES and self.review_started is not None

    def review_deadline(self, today: dt.date | None = None) -> dt.date | None:
        if not self.has_clock:
            return None
        return clock.review_deadline(**self._clock_args(today))

    def days_left(self, today: dt.date | None = None) -> int | None:
        if not self.has_clock:
            return None
        today = today or timezone.localdate()
        return (self.review_deadline(today) - today).days

    def days_elapsed(self, today: dt.date | None = None) -> int | None:
        if not self.has_clock:
            return None
        return clock.days_elapsed(**self._clock_args(today))

    @property
    def is_overdue(self) -> bool:
        left = self.days_left()
        return left is not None and left < 0


class RetaliatoryAction(models.Model):
    """One alleged retaliatory action: when, by whom, what."""

    inquiry = models.ForeignKey(RetaliationInquiry, on_delete=models.CASCADE, related_name="actions")
    occurred_on = models.DateField(_("date of the action"))
    taken_by = EncryptedTextField(_("taken by"))
    description = EncryptedTextField(_("what was done"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "id"]
        verbose_name = _("alleged retaliatory action")
        verbose_name_plural = _("alleged retaliatory actions")

    def __str__(self):
        return f"{self.occurred_on}: {self.taken_by}"


class Evidence(models.Model):
    inquiry = models.ForeignKey(RetaliationInquiry, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), storage=private_storage, upload_to="retaliation/evidence/%Y/")
    original_name = EncryptedTextField(_("file name"))
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.original_name


class CaseNote(models.Model):
    """An internal note of the office. Never shown to the complainant."""

    inquiry = models.ForeignKey(RetaliationInquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return f"note {self.pk}"


class CaseMessage(ThreadMessage):
    """The confidential thread between the complainant and the officers handling the case."""

    inquiry = models.ForeignKey(RetaliationInquiry, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )


class ClockPause(models.Model):
    """A pause of the review clock while information from the complainant is awaited."""

    inquiry = models.ForeignKey(RetaliationInquiry, on_delete=models.CASCADE, related_name="pauses")
    started = models.DateField(_("paused on"))
    ended = models.DateField(_("resumed on"), null=True, blank=True)
    reason = EncryptedTextField(_("information awaited"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["started", "id"]
        verbose_name = _("clock pause")
        verbose_name_plural = _("clock pauses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended__isnull=True) | models.Q(ended__gte=models.F("started")),
                name="retaliation_pause_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["inquiry"], condition=models.Q(ended__isnull=True), name="retaliation_one_open_pause"
            ),
        ]

    def __str__(self):
        return f"{self.started} – {self.ended or '…'}"


class LetterKind(models.TextChoices):
    REFERRAL = "referral", _("Referral letter (outside the mandate)")
    REVIEW_OUTCOME = "review_outcome", _("Outcome of the preliminary review")
    REFERRAL_MEMO = "referral_memo", _("Referral memorandum for investigation")
    DETERMINATION = "determination", _("Final determination")
    INTERIM_MEMO = "interim_memo", _("Memorandum recommending an interim measure")


# Letters addressed to the complainant; the referral memo goes to the investigators, the
# interim-measure memo to the decision-maker.
COMPLAINANT_LETTERS = frozenset({LetterKind.REFERRAL, LetterKind.REVIEW_OUTCOME, LetterKind.DETERMINATION})


class LetterFormat(models.TextChoices):
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("Word")


class Letter(models.Model):
    inquiry = models.ForeignKey(RetaliationInquiry, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("letter"), max_length=20, choices=LetterKind.choices)
    format = models.CharField(_("format"), max_length=5, choices=LetterFormat.choices)
    file = models.FileField(storage=private_storage, upload_to="retaliation/letters/%Y/")
    to_complainant = models.BooleanField(_("sent to the complainant"), default=False)
    interim_measure = models.ForeignKey(
        "InterimMeasure", on_delete=models.CASCADE, null=True, blank=True, related_name="memos"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=LetterKind.values), name="retaliation_letter_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(format__in=LetterFormat.values), name="retaliation_letter_format"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.format})"

    @property
    def filename(self) -> str:
        return f"{self.kind}-{self.inquiry_id}-{self.pk}.{self.format}"


class MeasureType(models.TextChoices):
    SUSPEND_ACTION = "suspend_action", _("Suspend the contested action")
    SUSPEND_APPRAISAL = "suspend_appraisal", _("Suspend the performance appraisal")
    CHANGE_REPORTING = "change_reporting", _("Change the reporting officer")
    REASSIGNMENT = "reassignment", _("Temporary reassignment")
    SPECIAL_LEAVE = "special_leave", _("Special leave with full pay")


class InterimMeasure(models.Model):
    inquiry = models.ForeignKey(RetaliationInquiry, on_delete=models.CASCADE, related_name="interim_measures")
    measure = models.CharField(_("measure"), max_length=30, choices=MeasureType.choices)
    complainant_consent = models.BooleanField(_("the complainant consents"), default=False)
    sent_to = models.CharField(_("sent to"), max_length=200)
    sent_on = models.DateField(_("sent on"))
    implemented = models.BooleanField(_("implemented"), null=True, blank=True)
    implemented_on = models.DateField(_("implemented on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_on", "id"]
        verbose_name = _("interim protection measure")
        verbose_name_plural = _("interim protection measures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(measure__in=MeasureType.values), name="retaliation_measure_valid"
            )
        ]

    def __str__(self):
        return self.get_measure_display()


class CorrectiveMeasure(models.Model):
    """A corrective measure recommended after retaliation was established, followed until implemented."""

    inquiry = models.ForeignKey(
        RetaliationInquiry, on_delete=models.CASCADE, related_name="corrective_measures"
    )
    description = EncryptedTextField(_("measure"))
    recommended_on = models.DateField(_("recommended on"))
    implemented_on = models.DateField(_("implemented on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommended_on", "id"]
        verbose_name = _("corrective measure")
        verbose_name_plural = _("corrective measures")

    def __str__(self):
        return f"corrective measure {self.pk}"


class PanelReviewRequest(models.Model):
    """The complainant asked the Ethics Panel chair to review the determination."""

    inquiry = models.OneToOneField(
        RetaliationInquiry, on_delete=models.CASCADE, related_name="panel_review_request"
    )
    requested_on = models.DateField(_("requested on"))
    reasons = EncryptedTextField(_("reasons"), blank=True, default="")
    consultation_ref = models.CharField(_("Panel consultation"), max_length=30, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("request for review by the Ethics Panel chair")
        verbose_name_plural = _("requests for review by the Ethics Panel chair")

    def __str__(self):
        return self.consultation_ref or f"panel review request {self.pk}"
