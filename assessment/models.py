"""The ethics and reputational risk assessment: instruments, waves, strata, invitations,
anonymous responses, and the risk register.

Anonymity is a property of the schema: `Response` and `Answer` hold no reference to a
person, a user or an invitation, and `Response` keeps the submission date only.
"""

import uuid

from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ethics_office.base.crypto import EncryptedTextField
from ethics_office.organisation.models import Entity, Grade, Person


def text_in(texts: dict, language: str | None = None) -> str:
    """The text in the active UI language, else English, else any."""
    if not texts:
        return ""
    language = (language or get_language() or "en").lower()
    if language in texts and texts[language]:
        return texts[language]
    short = language.split("-")[0]
    for key, value in texts.items():
        if key.split("-")[0] == short and value:
            return value
    return texts.get("en") or next(iter(texts.values()), "")


class RiskCategory(models.TextChoices):
    STRUCTURAL = "structural", _("Structural")
    PROCEDURAL = "procedural", _("Procedural")
    BEHAVIOURAL = "behavioural", _("Behavioural")


class GradeGroup(models.TextChoices):
    NATIONAL = "national", _("National staff")
    PROFESSIONAL = "professional", _("International Professional")
    SENIOR = "senior", _("Senior (D-1 and above)")


GRADE_GROUP_OF = {
    Grade.G: GradeGroup.NATIONAL,
    "": GradeGroup.NATIONAL,
    Grade.P1: GradeGroup.PROFESSIONAL,
    Grade.P2: GradeGroup.PROFESSIONAL,
    Grade.P3: GradeGroup.PROFESSIONAL,
    Grade.P4: GradeGroup.PROFESSIONAL,
    Grade.P5: GradeGroup.PROFESSIONAL,
    Grade.D1: GradeGroup.SENIOR,
    Grade.D2: GradeGroup.SENIOR,
    Grade.ASG: GradeGroup.SENIOR,
    Grade.USG: GradeGroup.SENIOR,
}


class Risk(models.Model):
    """An ethics risk the office measures ("fear of retaliation", "gifts from vendors")."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    names = models.JSONField(_("name in each language"), default=dict)
    category = models.CharField(_("category"), max_length=20, choices=RiskCategory.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__in=RiskCategory.values), name="risk_category_valid"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return text_in(self.names) or self.code


class Instrument(models.Model):
    """A questionnaire, versioned: frozen once an assessment using it is fielded."""

    code = models.SlugField(_("code"), max_length=40)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    titles = models.JSONField(_("title in each language"), default=dict)
    frozen = models.BooleanField(_("frozen"), default=False)
    revised_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="revisions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code", "version"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="instrument_code_version_unique")
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    @property
    def title(self) -> str:
        return text_in(self.titles) or self.code


class InstrumentSection(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    code = models.SlugField(_("code"), max_length=40)
    titles = models.JSONField(_("title in each language"), default=dict)

    class Meta:
        ordering = ["instrument", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["instrument", "code"], name="section_code_unique")]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return text_in(self.titles) or self.code


class ItemKind(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement scale (1–5)")
    FREQUENCY = "frequency", _("Frequency scale (1–5)")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TEXT = "text", _("Free text")


SCALE_KINDS = frozenset({ItemKind.AGREEMENT, ItemKind.FREQUENCY})


class Measures(models.TextChoices):
    PERCEPTION = "perception", _("Perception")
    LIKELIHOOD = "likelihood", _("Likelihood of the risk")
    SEVERITY = "severity", _("Severity of the risk")


class Item(models.Model):
    section = models.ForeignKey(InstrumentSection, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    texts = models.JSONField(_("question in each language"), default=dict)
    # Choice items: [{"code": "a", "labels": {"en": "...", "zh-hans": "..."}}, ...]
    options = models.JSONField(_("options"), default=list, blank=True)
    risk = models.ForeignKey(
        Risk, on_delete=models.PROTECT, null=True, blank=True, related_name="items", verbose_name=_("risk")
    )
    measures = models.CharField(
        _("measures"), max_length=20, choices=Measures.choices, default=Measures.PERCEPTION
    )
    # On an agreement scale: is agreeing the favourable answer? (False: "I fear retaliation")
    agreement_good = models.BooleanField(_("agreement is favourable"), default=True)

    class Meta:
        ordering = ["section__order", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=ItemKind.values), name="item_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(measures__in=Measures.values), name="item_measures_valid"
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def text(self) -> str:
        return text_in(self.texts) or self.code

    @property
    def is_scale(self) -> bool:
        return self.kind in SCALE_KINDS

    def option_labels(self) -> list[tuple[str, str]]:
        return [(o["code"], text_in(o.get("labels", {})) or o["code"]) for o in self.options]

    def favourable(self, value: int) -> bool:
        """4–5 is favourable when agreeing (or often) is good; 1–2 when it is bad."""
        return value >= 4 if self.agreement_good else value <= 2


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FIELDED = "fielded", _("In the field")
    CLOSED = "closed", _("Closed")
    PUBLISHED = "published", _("Published")


class AllocationMethod(models.TextChoices):
    PROPORTIONAL = "proportional", _("Proportional to the stratum's population")
    EQUAL = "equal", _("Equal, with a minimum per stratum")


class Assessment(models.Model):
    """One wave of the assessment: its instrument, population, sample and results."""

    title = models.CharField(_("title"), max_length=200)
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("questionnaire")
    )
    previous_wave = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_waves",
        verbose_name=_("earlier wave"),
    )
    missions = models.ManyToManyField(Entity, related_name="+", verbose_name=_("missions and entities"))
    reference_date = models.DateField(_("population reference date"))
    allocation = models.CharField(
        _("allocation"),
        max_length=20,
        choices=AllocationMethod.choices,
        default=AllocationMethod.PROPORTIONAL,
    )
    sample_size = models.PositiveIntegerField(_("sample size"))
    minimum_per_stratum = models.PositiveIntegerField(_("minimum per stratum"), default=0)
    seed = models.BigIntegerField(_("seed"), null=True, blank=True)
    drawn_at = models.DateTimeField(_("sample drawn"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    fielded = models.DateField(_("fielded"), null=True, blank=True)
    closed = models.DateField(_("closed"), null=True, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-reference_date", "-pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="assessment_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(allocation__in=AllocationMethod.values), name="assessment_allocation_valid"
            ),
        ]

    def __str__(self):
        return self.title


class Stratum(models.Model):
    """Mission × grade group: its population at the draw and its sample size. Never who."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="strata")
    mission = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="+")
    grade_group = models.CharField(_("grade group"), max_length=20, choices=GradeGroup.choices)
    population = models.PositiveIntegerField(_("population"))
    sample_size = models.PositiveIntegerField(_("sample size"))

    class Meta:
        ordering = ["mission__code", "grade_group"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "mission", "grade_group"], name="stratum_unique")
        ]

    def __str__(self):
        return f"{self.mission.code} · {self.get_grade_group_display()}"

    @property
    def key(self) -> str:
        return f"{self.mission.code}|{self.grade_group}"


class Invitation(models.Model):
    """A sampled person's one-time link. Only the hash of the live token is kept; it is wiped
    when the link is used, and nothing records when (so no response can be joined to it)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="invitations")
    stratum = models.ForeignKey(Stratum, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    sent_on = models.DateField(null=True, blank=True)
    reminders = models.PositiveSmallIntegerField(default=0)
    last_reminded_on = models.DateField(null=True, blank=True)
    used = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "person"], name="invitation_unique")]

    def __str__(self):
        return f"invitation {self.pk}"


class Response(models.Model):
    """One anonymous questionnaire. No person, user or invitation; the date, not the time.
    The primary key is random, so insertion order says nothing either."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="responses")
    stratum = models.ForeignKey(Stratum, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField(_("submitted on"))

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return str(self.pk)


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    value = models.SmallIntegerField(null=True, blank=True)  # scale 1–5
    choices = models.JSONField(default=list, blank=True)  # option codes
    text = EncryptedTextField(blank=True)  # free text, shown to the office only

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="answer_unique"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=1, value__lte=5),
                name="answer_value_range",
            ),
        ]

    def __str__(self):
        return str(self.pk)


class EntryStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MITIGATED = "mitigated", _("Mitigated")
    CLOSED = "closed", _("Closed")


class RiskEntry(models.Model):
    """A finding in the risk register: a risk, its evidence, rating and owner."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="register_entries")
    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="register_entries")
    owner = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=pgettext_lazy("risk register", "owner"),
    )
    evidence = models.TextField(_("evidence"))
    likelihood = models.PositiveSmallIntegerField(_("likelihood (1–5)"))
    severity = models.PositiveSmallIntegerField(_("severity (1–5)"))
    status = models.CharField(
        _("status"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.OPEN
    )
    remeasure_in = models.ForeignKey(
        Assessment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="remeasured_entries",
        verbose_name=_("re-measured in"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-likelihood", "-severity", "pk"]
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=EntryStatus.values), name="entry_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5), name="entry_likelihood"
            ),
            models.CheckConstraint(
                condition=models.Q(severity__gte=1, severity__lte=5), name="entry_severity"
            ),
        ]

    def __str__(self):
        return f"{self.risk.name} — {self.owner.code}"

    @property
    def rating(self) -> int:
        return self.likelihood * self.severity


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("action status", "In progress")
    DONE = "done", pgettext_lazy("action status", "Done")


class RemedialAction(models.Model):
    entry = models.ForeignKey(RiskEntry, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("action"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("remedial action")
        verbose_name_plural = _("remedial actions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ActionStatus.values), name="action_status_valid"
            )
        ]

    def __str__(self):
        return self.description[:60]
