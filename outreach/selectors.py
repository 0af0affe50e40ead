"""Every read users reach. The office (officers and the Director) sees all outreach records;
a staff member sees only their own training requests."""

import datetime as dt

from django.db.models import Count, Q, Sum

from ethics_office.base.gates import office_rows
from ethics_office.base.roles import is_office
from ethics_office.base.sorting import sorted_by
from ethics_office.organisation.models import Entity

from .models import (
    CourseCompletion,
    CourseCompletionCount,
    LeadershipDialogue,
    ManagementLevel,
    MissionMeeting,
    OutreachMission,
    Publication,
    SeniorBriefing,
    TrainerCertification,
    TrainingRequest,
    TrainingSession,
    WebsiteVisitCount,
)

# --- sortable lists: ?sort=field or ?sort=-field; anything else keeps the model's default order.
# Outreach lists are small (hundreds of rows a year), so these sorts need no index of their own.

SESSION_ORDERS = {
    "ref": ("ref", "id"),
    "date": ("date", "id"),
    "kind": ("kind", "-date", "-id"),
    "participants": ("participants", "id"),
}
REQUEST_ORDERS = {
    "ref": ("service_request__ref", "id"),
    "received": ("service_request__received", "id"),
    "people": ("team_size", "id"),
    "preferred": ("preferred_date", "id"),
    "status": ("status", "-created_at", "-id"),
}
MISSION_ORDERS = {
    "ref": ("ref", "id"),
    "start": ("start", "id"),
    "meetings": ("meeting_count", "id"),
    "staff": ("staff_met", "id"),
}
BRIEFING_ORDERS = {
    "ref": ("ref", "id"),
    "date": ("date", "id"),
    "level": ("level", "-date", "-id"),
}


def sorted_list(queryset, sort: str | None, orders):
    return sorted_by(queryset, sort, orders)


def training_sessions_visible_to(user):
    return office_rows(
        user,
        TrainingSession.objects.select_related(
            "duty_station", "entity", "facilitator", "request__service_request"
        ),
    )


def training_requests_visible_to(user):
    base = TrainingRequest.objects.select_related(
        "service_request", "service_request__entity", "service_request__duty_station", "requested_by"
    )
    if is_office(user):
        return base
    if not user.is_authenticated:
        return base.none()
    return base.filter(requested_by=user)


def completion_counts_visible_to(user):
    return office_rows(user, CourseCompletionCount.objects.all())


def completions_visible_to(user):
    return office_rows(user, CourseCompletion.objects.select_related("person"))


def missions_visible_to(user):
    return office_rows(
        user,
        OutreachMission.objects.select_related("duty_station")
        .prefetch_related("other_stations")
        .annotate(meeting_count=Count("meetings")),
    )


def mission_meetings_of(mission):
    return MissionMeeting.objects.filter(mission=mission).select_related("duty_station")


def briefings_visible_to(user):
    return office_rows(user, SeniorBriefing.objects.select_related("entity", "briefed_by"))


def leadership_dialogues_visible_to(user):
    return office_rows(user, LeadershipDialogue.objects.select_related("entity"))


def leadership_progress(user):
    """Rows of (entity, [held_on or None per level], levels done), the number of dialogues held,
    the overall share done (%), and per level (entities done, share %)."""
    if not is_office(user):
        return [], 0, 0, []
    entities = list(Entity.objects.filter(active=True).order_by("code"))
    held = {(d.entity_id, d.level): d.held_on for d in LeadershipDialogue.objects.all()}
    levels = ManagementLevel.values
    rows = []
    done_total = 0
    for entity in entities:
        cells = [held.get((entity.pk, level)) for level in levels]
        done = sum(1 for c in cells if c)
        done_total += done
        rows.append((entity, cells, done))
    possible = len(entities) * len(levels)
    percent = round(100 * done_total / possible) if possible else 0
    per_level = []
    for i, _level in enumerate(levels):
        n = sum(1 for _e, cells, _d in rows if cells[i])
        per_level.append((n, round(100 * n / len(entities)) if entities else 0))
    return rows, done_total, percent, per_level


def publications_visible_to(user):
    return office_rows(user, Publication.objects.all())


def website_visits_visible_to(user):
    return office_rows(user, WebsiteVisitCount.objects.all())


def certifications_visible_to(user):
    return office_rows(user, TrainerCertification.objects.select_related("trainer", "certified_by"))


def _period_bounds(label: str):
    first = int(label[:4])
    return dt.date(first, 8, 1), dt.date(first + 1, 7, 31)


def outreach_totals(user, periods: list[str]):
    """Per reporting period: workshops and their participants, missions and staff met, senior
    briefings and online course completions (the figures the annual report quotes)."""
    if not is_office(user) or not periods:
        return []
    out = []
    for label in periods:
        start, end = _period_bounds(label)
        sessions = TrainingSession.objects.filter(date__range=(start, end)).aggregate(
            workshops=Count("id", filter=Q(kind="workshop")),
            participants=Sum("participants", filter=Q(kind="workshop")),
            sessions=Count("id"),
        )
        missions = OutreachMission.objects.filter(start__range=(start, end)).aggregate(
            missions=Count("id"), staff_met=Sum("staff_met")
        )
        briefings = SeniorBriefing.objects.filter(date__range=(start, end)).count()
        out.append(
            {
                "period": label,
                "workshops": sessions["workshops"],
                "participants": sessions["participants"] or 0,
                "sessions": sessions["sessions"],
                "missions": missions["missions"],
                "staff_met": missions["staff_met"] or 0,
                "briefings": briefings,
            }
        )
    counts = {(c.period, c.course): c.count for c in CourseCompletionCount.objects.filter(period__in=periods)}
    for row in out:
        row["integrity"] = counts.get((row["period"], "integrity_awareness"), 0)
        row["procurement"] = counts.get((row["period"], "procurement_ethics"), 0)
    return out


def training_requests_of(user):
    """The training requests this person made (their "My matters" page), whatever their roles."""
    if not user.is_authenticated:
        return TrainingRequest.objects.none()
    return TrainingRequest.objects.select_related("service_request").filter(requested_by=user).order_by("-id")
