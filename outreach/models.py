from django.db import models
from django.utils.translation import gettext_lazy as _

from ethics_office.organisation.models import DutyStation, Entity


class TrainingKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    BRIEFING = "briefing", _("Briefing")
    OTHER = "other", _("Other")


class TrainingSession(models.Model):
    ref = models.CharField(_("reference"), max_length=30, unique=True)
    date = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=TrainingKind.choices)
    duty_station = models.ForeignKey(
        DutyStation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_sessions",
        verbose_name=_("duty station"),
    )
    entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_sessions",
        verbose_name=_("entity"),
    )
    # Headcount; where an attendance list exists it is kept equal to the list's length.
    participants = models.PositiveIntegerField(_("participants"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=TrainingKind.values), name="training_kind_valid"
            )
        ]

    def __str__(self):
        return self.ref


class Course(models.TextChoices):
    INTEGRITY_AWARENESS = "integrity_awareness", _("Ethics and integrity (mandatory online course)")
    PROCUREMENT_ETHICS = "procurement_ethics", _("Procurement ethics online training")


class CourseCompletionCount(models.Model):
    """Completions of an online course in a reporting period (from the learning system)."""

    course = models.CharField(_("course"), max_length=30, choices=Course.choices)
    period = models.CharField(_("period"), max_length=9)
    count = models.PositiveIntegerField(_("completions"))

    class Meta:
        ordering = ["period", "course"]
        verbose_name = _("course completion count")
        verbose_name_plural = _("course completion counts")
        constraints = [
            models.UniqueConstraint(fields=["course", "period"], name="course_completion_unique"),
            models.CheckConstraint(
                condition=models.Q(period__regex=r"^\d{4}-\d{4}$"), name="course_completion_period_format"
            ),
        ]

    def __str__(self):
        return f"{self.course} {self.period}: {self.count}"


class OutreachMission(models.Model):
    ref = models.CharField(_("reference"), max_length=30, unique=True)
    start = models.DateField(_("start"), db_index=True)
    end = models.DateField(_("end"))
    duty_station = models.ForeignKey(
        DutyStation,
        on_delete=models.PROTECT,
        related_name="outreach_missions",
        verbose_name=_("duty station"),
    )
    staff_met = models.PositiveIntegerField(_("staff met"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("outreach mission")
        verbose_name_plural = _("outreach missions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="mission_dates_ordered"
            )
        ]

    def __str__(self):
        return self.ref


class SeniorBriefing(models.Model):
    """A confidential briefing for a newly appointed ASG or USG."""

    ref = models.CharField(_("reference"), max_length=30, unique=True)
    date = models.DateField(_("date"), db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("senior briefing")
        verbose_name_plural = _("senior briefings")

    def __str__(self):
        return self.ref
