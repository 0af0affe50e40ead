from django.db import models
from django.utils.translation import gettext_lazy as _

from ethics_office.organisation.models import DutyStation, Entity, Grade, Person


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

    cycle = models.ForeignKey(
        FilingCycle, on_delete=models.PROTECT, related_name="filers", verbose_name=_("cycle")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="filings", verbose_name=_("person")
    )
    # Snapshot at registration: the report counts where the filer stood in that cycle.
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="filers", verbose_name=_("entity")
    )
    duty_station = models.ForeignKey(
        DutyStation, on_delete=models.PROTECT, related_name="filers", verbose_name=_("duty station")
    )
    grade = models.CharField(_("grade"), max_length=5, choices=Grade.choices)
    first_time = models.BooleanField(_("first-time or irregular filer"), default=False)
    registered_on = models.DateField(_("registered on"))
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    verification_selected = models.BooleanField(_("selected for verification"), default=False)
    verification_complete = models.BooleanField(_("verification documents complete"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["cycle", "person__name"]
        verbose_name = _("filer")
        verbose_name_plural = _("filers")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "person"], name="filer_unique_per_cycle"),
            models.CheckConstraint(condition=models.Q(grade__in=Grade.values), name="filer_grade_valid"),
        ]
        indexes = [models.Index(fields=["cycle", "entity"])]

    def __str__(self):
        return f"{self.person_id} / {self.cycle_id}"


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

    def __str__(self):
        return f"{self.get_kind_display()} ({self.filer_id})"


class PublicDisclosureChoice(models.TextChoices):
    FULL_DISCLOSURE = "full_disclosure", _("Full public disclosure")
    CONFIRMATION = "confirmation", _("Public confirmation of compliance")
    DECLINED = "declined", _("Declined")


class PublicDisclosure(models.Model):
    filer = models.OneToOneField(
        Filer, on_delete=models.PROTECT, related_name="public_disclosure", verbose_name=_("filer")
    )
    choice = models.CharField(_("choice"), max_length=20, choices=PublicDisclosureChoice.choices)
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
