from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.crypto import EncryptedJSONField, EncryptedTextField
from ethics_office.base.storage import private_storage
from ethics_office.organisation.models import DutyStation, Entity, Grade, Person


class DesignationBasis(models.TextChoices):
    GRADE = "grade", _("Grade D-1 and above")
    PROCUREMENT = "procurement", _("Procurement function")
    INVESTMENT = "investment", _("Investment function")
    ETHICS_OFFICE = "ethics_office", _("Ethics Office staff")
    DESIGNATED = "designated", _("Designated")
    IMPORTED = "imported", _("Filer list from the entity")


class ReviewOutcome(models.TextChoices):
    NO_ISSUE = "no_issue", _("No issue")
    CONFLICTS = "conflicts", _("Conflict items recorded")


class FollowUp(models.TextChoices):
    OPEN = "open", pgettext_lazy("follow-up status", "Open")
    FOLLOWING = "following", _("Being followed up")
    DONE = "done", pgettext_lazy("follow-up status", "Done")


class FilingCycle(models.Model):
    """A calendar-year cycle: the 2011 cycle covers holdings in 2010 and opens 1 March 2011."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(_("deadline"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("filing cycle")
        verbose_name_plural = _("filing cycles")

    def __str__(self):
        return str(self.year)


class Filer(models.Model):
    """A person designated to file in a cycle (the programme's participant)."""

    # No index of its own: three indexes lead with the cycle (the unique constraint, the entity
    # index and the cycle page's), and each index is written for every imported filer.
    cycle = models.ForeignKey(
        FilingCycle, on_delete=models.PROTECT, related_name="filers", verbose_name=_("cycle"), db_index=False
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="filings", verbose_name=_("person")
    )
    # Snapshot at registration: the report counts where the filer stood in that cycle.
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="filers", verbose_name=_("entity")
    )
    # Filers are only ever read by cycle (and entity or person), never by duty station alone:
    # no index, one less written per filer (a duty station's deletion check scans, once).
    duty_station = models.ForeignKey(
        DutyStation,
        on_delete=models.PROTECT,
        related_name="filers",
        verbose_name=_("duty station"),
        db_index=False,
    )
    grade = models.CharField(_("grade"), max_length=5, choices=Grade.choices)
    first_time = models.BooleanField(_("first-time or irregular filer"), default=False)
    registered_on = models.DateField(_("registered on"))
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    verification_selected = models.BooleanField(_("selected for verification"), default=False)
    verification_complete = models.BooleanField(_("verification documents complete"), null=True, blank=True)
    # Added after the contract (imported history leaves them at their defaults).
    confirmed = models.BooleanField(_("confirmed by the office"), default=True)
    basis = models.CharField(
        _("basis"), max_length=20, choices=DesignationBasis.choices, blank=True, default=""
    )
    designation_reason = models.TextField(_("reason for designation"), blank=True, default="")
    # A mid-cycle entrant's own deadline (30 days from designation); null = the cycle's.
    own_deadline = models.DateField(_("own deadline"), null=True, blank=True)
    review_outcome = models.CharField(
        _("review outcome"), max_length=10, choices=ReviewOutcome.choices, blank=True, default=""
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # Denormalised sort keys (issue 17): the cycle page orders by entity code and person name,
    # which lie in two other tables; copies here let one index serve the page. Kept by
    # `disclosure.services.sortkeys` (services, the records import, person and entity saves).
    sort_entity = models.CharField(max_length=20, db_default="", default="", editable=False)
    sort_name = models.CharField(max_length=200, db_default="", default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["cycle", "person__name"]
        verbose_name = _("filer")
        verbose_name_plural = _("filers")
        permissions = [("review_filer", _("Can review this filer's statement"))]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "person"], name="filer_unique_per_cycle"),
            models.CheckConstraint(condition=models.Q(grade__in=Grade.values), name="filer_grade_valid"),
        ]
        indexes = [
            models.Index(fields=["cycle", "entity"]),
            models.Index(
                fields=["cycle", "confirmed", "sort_entity", "sort_name", "id"], name="filer_cycle_page_idx"
            ),
        ]

    def __str__(self):
        return f"{self.person_id} / {self.cycle_id}"

    def save(self, *args, **kwargs):
        # A whole save sets the sort keys (bulk writes call `filer_sort_keys_refresh`).
        if kwargs.get("update_fields") is None:
            self.sort_entity, self.sort_name = self.entity.code, self.person.name
        super().save(*args, **kwargs)


class ConflictKind(models.TextChoices):
    FINANCIAL_INTEREST = "financial_interest", _("Financial interests")
    OUTSIDE_ACTIVITY = "outside_activity", _("Outside activities")
    FAMILY_RELATIONSHIP = "family_relationship", _("Family relationships")


class Resolution(models.TextChoices):
    NO_FURTHER_ACTION = "no_further_action", _("No further action needed")
    APPROVAL_GRANTED = "approval_granted", _("Approval granted")
    RECUSAL = "recusal", _("Recusal/disqualification")
    MANAGED_ACCOUNT = "managed_account", _("Managed account")
    OTHER = "other", _("Other")


class ConflictItem(models.Model):
    filer = models.ForeignKey(
        Filer, on_delete=models.PROTECT, related_name="conflicts", verbose_name=_("filer")
    )
    kind = models.CharField(_("type"), max_length=30, choices=ConflictKind.choices)
    # The office's confirmed resolution; blank while the item is open.
    resolution = models.CharField(_("resolution"), max_length=30, choices=Resolution.choices, blank=True)
    description = EncryptedTextField(_("description"), blank=True, default="")
    recommended_resolution = models.CharField(
        _("recommended resolution"), max_length=30, choices=Resolution.choices, blank=True, default=""
    )
    follow_up = models.CharField(
        _("follow-up"), max_length=10, choices=FollowUp.choices, blank=True, default=""
    )
    follow_up_note = models.TextField(_("follow-up note"), blank=True, default="")
    # Added for the register (imported history leaves them empty).
    identified_on = models.DateField(_("identified on"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("conflict of interest item")
        verbose_name_plural = _("conflict of interest items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ConflictKind.values), name="conflict_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(resolution__in=[*Resolution.values, ""]), name="conflict_resolution_valid"
            ),
        ]
        indexes = [
            # The register's default order (due date, nulls last): its first page reads 50 rows
            # of this index instead of sorting every item joined to every filer.
            models.Index(fields=["follow_up_due", "id"], name="conflict_register_due_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.filer_id})"


class ConflictEventKind(models.TextChoices):
    CREATED = "created", _("Identified")
    NOTE = "note", _("Note")
    RESOLUTION = "resolution", _("Resolution changed")
    FOLLOW_UP = "follow_up", _("Follow-up changed")
    OWNER = "owner", _("Owner changed")


class ConflictEvent(models.Model):
    """One entry of a conflict item's timeline: append-only (a PostgreSQL trigger refuses changes)."""

    item = models.ForeignKey(
        ConflictItem, on_delete=models.PROTECT, related_name="events", verbose_name=_("conflict item")
    )
    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ConflictEventKind.choices)
    note = EncryptedTextField(_("note"), blank=True, default="")
    # The item's state after this entry, so the timeline reads on its own.
    resolution = models.CharField(_("resolution"), max_length=30, choices=Resolution.choices, blank=True)
    follow_up = models.CharField(_("follow-up"), max_length=10, choices=FollowUp.choices, blank=True)
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("conflict item event")
        verbose_name_plural = _("conflict item events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ConflictEventKind.values), name="conflict_event_kind_valid"
            )
        ]

    def __str__(self):
        return f"{self.item_id} {self.kind} {self.at:%Y-%m-%d}"


class PublicDisclosureChoice(models.TextChoices):
    FULL_DISCLOSURE = "full_disclosure", _("Full public disclosure")
    CONFIRMATION = "confirmation", _("Public confirmation of compliance")
    DECLINED = "declined", _("Declined")


class PublicDisclosure(models.Model):
    filer = models.OneToOneField(
        Filer, on_delete=models.PROTECT, related_name="public_disclosure", verbose_name=_("filer")
    )
    choice = models.CharField(_("choice"), max_length=20, choices=PublicDisclosureChoice.choices)
    # Published as is on the public page: the filer approves it, so it is not encrypted.
    summary = models.TextField(_("approved summary"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voluntary public disclosure")
        verbose_name_plural = _("voluntary public disclosures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(choice__in=PublicDisclosureChoice.values),
                name="public_disclosure_choice_valid",
            )
        ]

    def __str__(self):
        return f"{self.filer_id}: {self.choice}"


# ---------------------------------------------------------------------------
# The models below arrived after the contract (as did the fields marked on Filer,
# ConflictItem and PublicDisclosure): nullable or defaulted, because the imported
# 2006-2012 history carries only the contract fields.


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Statement(models.Model):
    """One version of a filer's statement. An amendment is a new version; a submitted one never changes."""

    filer = models.ForeignKey(
        Filer, on_delete=models.PROTECT, related_name="statements", verbose_name=_("filer")
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=StatementStatus.choices, default=StatementStatus.DRAFT
    )
    # Assets, liabilities, income and outside activities, relatives, gifts: encrypted at rest.
    contents = EncryptedJSONField(_("contents"), null=True, blank=True)
    certified_at = models.DateTimeField(_("certified at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["filer", "-version"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [
            models.UniqueConstraint(fields=["filer", "version"], name="statement_unique_version"),
            models.CheckConstraint(
                condition=models.Q(status__in=StatementStatus.values), name="statement_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="submitted") | models.Q(certified_at__isnull=False),
                name="statement_submitted_is_certified",
            ),
        ]

    def __str__(self):
        return f"{self.filer_id} v{self.version}"

    @property
    def is_submitted(self) -> bool:
        return self.status == StatementStatus.SUBMITTED


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Telephone")
    MEETING = "meeting", _("Meeting")
    LETTER = "letter", _("Letter")


class Correspondence(models.Model):
    """A reviewer's exchange with a filer (the programme counts them)."""

    filer = models.ForeignKey(
        Filer, on_delete=models.PROTECT, related_name="correspondence", verbose_name=_("filer")
    )
    on = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    summary = EncryptedTextField(_("summary"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("correspondence")
        verbose_name_plural = _("correspondence")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(channel__in=Channel.values), name="correspondence_channel_valid"
            )
        ]

    def __str__(self):
        return f"{self.filer_id} {self.on} {self.channel}"


class ComplianceNotice(models.Model):
    """One non-compliance notice per entity per month; the unique constraint is the idempotency key."""

    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="compliance_notices", verbose_name=_("entity")
    )
    month = models.DateField(_("month"))  # always the first day of the month
    cycle = models.ForeignKey(
        FilingCycle, on_delete=models.PROTECT, null=True, blank=True, related_name="notices"
    )
    # Every open cycle in which the entity had outstanding filers that month (newest first).
    cycle_years = models.JSONField(_("cycles"), default=list, blank=True)
    # Empty: the entity has no focal point, and nothing was sent ("no focal point — not sent").
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    outstanding = models.PositiveIntegerField(_("outstanding filers"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    # Notices written before the outbox were sent directly; later ones take their delivery from it.
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-month", "entity"]
        verbose_name = _("compliance notice")
        verbose_name_plural = _("compliance notices")
        constraints = [
            models.UniqueConstraint(fields=["entity", "month"], name="notice_one_per_entity_month")
        ]

    def __str__(self):
        return f"{self.entity_id} {self.month:%Y-%m}"


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Before the deadline")
    AFTER = "after", _("After the deadline")


class FilerReminder(models.Model):
    filer = models.ForeignKey(Filer, on_delete=models.PROTECT, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_on = models.DateField()

    class Meta:
        verbose_name = _("filer reminder")
        verbose_name_plural = _("filer reminders")
        constraints = [models.UniqueConstraint(fields=["filer", "kind"], name="reminder_once_per_kind")]

    def __str__(self):
        return f"{self.filer_id} {self.kind}"


class VerificationDraw(models.Model):
    """A stratified random draw; the seed makes it reproducible for audit."""

    cycle = models.ForeignKey(
        FilingCycle, on_delete=models.PROTECT, related_name="verification_draws", verbose_name=_("cycle")
    )
    size = models.PositiveIntegerField(_("sample size"))
    seed = models.BigIntegerField(_("seed"))
    allocation = models.JSONField(_("allocation by stratum"), default=dict, blank=True)
    sampled = models.JSONField(_("sampled filer ids"), default=list, blank=True)
    carried_over = models.JSONField(
        _("filers carried over (incomplete last cycle)"), default=list, blank=True
    )
    # Stratum -> population at the time of the draw (the allocation is the sample per stratum).
    population = models.JSONField(_("population by stratum"), default=dict, blank=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    drawn_at = models.DateTimeField(_("drawn at"), auto_now_add=True)
    # A redraw keeps the earlier draw for the record: it is marked superseded, with the reason.
    reason = models.TextField(_("reason for the redraw"), blank=True, default="")
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)

    class Meta:
        ordering = ["-drawn_at", "-id"]
        verbose_name = _("verification draw")
        verbose_name_plural = _("verification draws")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle"],
                condition=models.Q(superseded_at__isnull=True),
                name="verification_one_current_draw_per_cycle",
            )
        ]

    def __str__(self):
        return f"{self.cycle_id} draw {self.pk}"


class VerificationDocument(models.Model):
    filer = models.ForeignKey(
        Filer, on_delete=models.PROTECT, related_name="verification_documents", verbose_name=_("filer")
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to="disclosure/verification/%Y/")
    name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("verification document")
        verbose_name_plural = _("verification documents")

    def __str__(self):
        return self.name


class Referral(models.Model):
    """A filer still outstanding at cycle close, referred to OHRM."""

    filer = models.OneToOneField(
        Filer, on_delete=models.PROTECT, related_name="referral", verbose_name=_("filer")
    )
    referred_on = models.DateField(_("referred on"))
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-referred_on"]
        verbose_name = _("OHRM referral")
        verbose_name_plural = _("OHRM referrals")

    def __str__(self):
        return f"{self.filer_id} → OHRM"


class FilerQuery(models.Model):
    """A filer's question to the office; answered within 48 hours."""

    filer = models.ForeignKey(
        Filer, on_delete=models.PROTECT, related_name="queries", verbose_name=_("filer")
    )
    question = EncryptedTextField(_("question"))
    asked_at = models.DateTimeField(_("asked at"))
    due_at = models.DateTimeField(_("answer due by"))
    answer = EncryptedTextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("filer query")
        verbose_name_plural = _("filer queries")

    def __str__(self):
        return f"{self.filer_id} query {self.pk}"
