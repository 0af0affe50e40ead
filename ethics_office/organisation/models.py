from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.i18n import localized


class EntityGroup(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    PEACEKEEPING = "peacekeeping", _("Peacekeeping operations")
    OTHER = "other", _("Other United Nations entities")


class Grade(models.TextChoices):
    G = "G", _("General Service (G)")
    P1 = "P-1", "P-1"
    P2 = "P-2", "P-2"
    P3 = "P-3", "P-3"
    P4 = "P-4", "P-4"
    P5 = "P-5", "P-5"
    D1 = "D-1", "D-1"
    D2 = "D-2", "D-2"
    ASG = "ASG", _("Assistant Secretary-General (ASG)")
    USG = "USG", _("Under-Secretary-General (USG)")


SENIOR_GRADES = frozenset({Grade.ASG, Grade.USG})
DIRECTOR_AND_ABOVE = frozenset({Grade.D1, Grade.D2, Grade.ASG, Grade.USG})


class BilingualName(models.Model):
    """Reference data named in every UI language."""

    name = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def display_name(self) -> str:
        return localized(self, "name")


class Entity(BilingualName):
    code = models.CharField(_("code"), max_length=20, unique=True)
    group = models.CharField(_("group"), max_length=20, choices=EntityGroup.choices)
    head_email = models.EmailField(_("head of entity e-mail"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        permissions = [("focal_point_for", _("Is a focal point for this entity"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(group__in=EntityGroup.values), name="entity_group_valid"
            )
        ]

    def __str__(self):
        return f"{self.code} — {self.display_name}"


class DutyStation(BilingualName):
    code = models.CharField(_("code"), max_length=20, unique=True)
    headquarters = models.BooleanField(_("headquarters"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("duty station")
        verbose_name_plural = _("duty stations")

    def __str__(self):
        return self.display_name


class Person(models.Model):
    """A staff member (or other person the office deals with), account or not."""

    index_number = models.CharField(_("index number"), max_length=20, unique=True)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    grade = models.CharField(_("grade"), max_length=5, choices=Grade.choices, blank=True)
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="people", verbose_name=_("entity")
    )
    duty_station = models.ForeignKey(
        DutyStation, on_delete=models.PROTECT, related_name="people", verbose_name=_("duty station")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    # The language e-mails reach this person in; set when they switch the UI language.
    language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    procurement_function = models.BooleanField(_("procurement function"), default=False)
    investment_function = models.BooleanField(_("investment function"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(grade__in=[*Grade.values, ""]), name="person_grade_valid"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.index_number})"


class AccessChangeKind(models.TextChoices):
    ROLE_GRANT = "role_grant", _("Grant a role")
    ROLE_REVOKE = "role_revoke", _("Remove a role")
    PERSON_LINK = "person_link", _("Link a staff record to an account")
    SECOND_FACTOR_RESET = "second_factor_reset", _("Reset a second factor")


class AccessChangeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved and applied")
    REJECTED = "rejected", _("Rejected")


class AccessChangeRequest(models.Model):
    """A change that opens case material (a sensitive role, a staff record's account) needs two people:
    one asks, another — of the other side (the Director for an administrator, or the reverse) — approves."""

    kind = models.CharField(_("change"), max_length=20, choices=AccessChangeKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=AccessChangeStatus.choices, default=AccessChangeStatus.PENDING
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("account")
    )
    role = models.CharField(_("role"), max_length=30, blank=True)
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff record"),
    )
    reason = models.TextField(_("reason"), max_length=2000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("asked by")
    )
    requested_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decision_note = models.TextField(_("note"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("access change request")
        verbose_name_plural = _("access change requests")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(decided_by=models.F("requested_by")), name="access_change_four_eyes"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AccessChangeStatus.values), name="access_change_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.user} ({self.get_status_display()})"
