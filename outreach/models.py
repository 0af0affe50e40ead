from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.crypto import EncryptedTextField
from ethics_office.intake.models import ServiceRequest
from ethics_office.organisation.models import DutyStation, Entity, Person


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
    # Beyond the contract: imported history leaves these empty.
    title = models.CharField(_("title"), max_length=200, blank=True, default="")
    facilitator = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions_facilitated",
        verbose_name=_("facilitator"),
    )
    attendees = models.ManyToManyField(
        Person, blank=True, related_name="sessions_attended", verbose_name=_("attendance list")
    )
    request = models.ForeignKey(
        "TrainingRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("training request"),
    )
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
    # Beyond the contract: the contract's duty_station is the first stop; these are the others.
    purpose = models.CharField(_("purpose"), max_length=200, blank=True, default="")
    other_stations = models.ManyToManyField(
        DutyStation, blank=True, related_name="+", verbose_name=_("other duty stations visited")
    )
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


class SeniorLevel(models.TextChoices):
    ASG = "ASG", _("Assistant Secretary-General")
    USG = "USG", _("Under-Secretary-General")


class SeniorBriefing(models.Model):
    """A confidential briefing for a newly appointed ASG or USG."""

    ref = models.CharField(_("reference"), max_length=30, unique=True)
    date = models.DateField(_("date"), db_index=True)
    # Beyond the contract; who was briefed is confidential and encrypted at rest.
    official = EncryptedTextField(_("official briefed"), blank=True, default="")
    level = models.CharField(_("level"), max_length=3, choices=SeniorLevel.choices, blank=True, default="")
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("entity")
    )
    briefed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("briefed by"),
    )
    notes = EncryptedTextField(_("notes"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("senior briefing")
        verbose_name_plural = _("senior briefings")

    def __str__(self):
        return self.ref


# ---------------------------------------------------------------------------
# Additions beyond the report's contract. Imported history carries only the fields above,
# so everything here is nullable, defaulted or in its own table.


class TrainerCertification(models.Model):
    """A certified (field) trainer: who, certified by whom, and when."""

    trainer = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="trainer_certifications", verbose_name=_("trainer")
    )
    certified_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="trainer_certifications_given",
        verbose_name=_("certified by"),
    )
    certified_on = models.DateField(_("certified on"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-certified_on", "-id"]
        verbose_name = _("trainer certification")
        verbose_name_plural = _("trainer certifications")

    def __str__(self):
        return f"{self.trainer_id} {self.certified_on}"


class TrainingRequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    SCHEDULED = "scheduled", _("Scheduled")
    DECLINED = "declined", pgettext_lazy("training request status", "Declined")


class TrainingRequest(models.Model):
    """A staff member's request for a session for their team (registered as a `training` request)."""

    service_request = models.OneToOneField(
        ServiceRequest,
        on_delete=models.PROTECT,
        related_name="training_request",
        verbose_name=_("service request"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="training_requests",
        verbose_name=_("requested by"),
    )
    team = models.CharField(_("team"), max_length=200)
    team_size = models.PositiveIntegerField(_("team size"))
    preferred_date = models.DateField(_("preferred date"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=TrainingRequestStatus.choices,
        default=TrainingRequestStatus.REQUESTED,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("training request")
        verbose_name_plural = _("training requests")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=TrainingRequestStatus.values),
                name="training_request_status_valid",
            )
        ]

    def __str__(self):
        return self.service_request.ref if self.service_request_id else str(self.pk)


class CourseCompletion(models.Model):
    """One person's completion of an online course, from the learning system's export."""

    course = models.CharField(_("course"), max_length=30, choices=Course.choices)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="course_completions", verbose_name=_("person")
    )
    completed_on = models.DateField(_("completed on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "-id"]
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "person", "completed_on"], name="course_completion_once"
            )
        ]

    def __str__(self):
        return f"{self.course} {self.person_id} {self.completed_on}"


class MissionMeetingKind(models.TextChoices):
    TOWN_HALL = "town_hall", _("Town hall")
    FOCUS_GROUP = "focus_group", _("Focus group")
    INDIVIDUAL = "individual", _("Individual consultations")


class MissionMeeting(models.Model):
    mission = models.ForeignKey(
        OutreachMission, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("outreach mission")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MissionMeetingKind.choices)
    date = models.DateField(_("date"))
    duty_station = models.ForeignKey(
        DutyStation, on_delete=models.PROTECT, related_name="+", verbose_name=_("duty station")
    )
    attendance = models.PositiveIntegerField(_("staff attending"))

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("mission meeting")
        verbose_name_plural = _("mission meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=MissionMeetingKind.values), name="mission_meeting_kind_valid"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.date}"


class ManagementLevel(models.TextChoices):
    HEAD = "head", _("Head of entity (USG/ASG)")
    DIRECTORS = "directors", _("Directors (D-1/D-2)")
    CHIEFS = "chiefs", _("Section chiefs (P-5)")
    SUPERVISORS = "supervisors", _("Unit supervisors")
    STAFF = "staff", _("All staff")


class LeadershipDialogue(models.Model):
    """Whether a management level of an entity has held its leadership dialogue."""

    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="leadership_dialogues", verbose_name=_("entity")
    )
    level = models.CharField(_("management level"), max_length=20, choices=ManagementLevel.choices)
    held_on = models.DateField(_("held on"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["entity__code", "level"]
        verbose_name = _("leadership dialogue")
        verbose_name_plural = _("leadership dialogues")
        constraints = [
            models.UniqueConstraint(fields=["entity", "level"], name="leadership_dialogue_once"),
            models.CheckConstraint(
                condition=models.Q(level__in=ManagementLevel.values), name="leadership_dialogue_level_valid"
            ),
        ]

    def __str__(self):
        return f"{self.entity_id} {self.level}"


class PublicationKind(models.TextChoices):
    ROADMAP = "roadmap", _("Roadmap")
    GUIDE = "guide", _("Guide")
    POSTER = "poster", _("Poster")
    OTHER = "other", _("Other")


class Publication(models.Model):
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices)
    languages = models.CharField(_("languages"), max_length=200, help_text=_("For example: English, French"))
    distribution = models.CharField(_("distribution"), max_length=300, blank=True)
    copies = models.PositiveIntegerField(_("copies distributed"), default=0)
    published_on = models.DateField(_("published on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return self.title


class WebsiteVisitCount(models.Model):
    period = models.CharField(_("period"), max_length=9, unique=True)
    visits = models.PositiveIntegerField(_("visits"))

    class Meta:
        ordering = ["-period"]
        verbose_name = _("website visit count")
        verbose_name_plural = _("website visit counts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period__regex=r"^\d{4}-\d{4}$"), name="website_visits_period"
            )
        ]

    def __str__(self):
        return f"{self.period}: {self.visits}"
