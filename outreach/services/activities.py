"""Outreach missions, senior briefings, the leadership dialogue, publications and the website."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.gates import require_office
from ethics_office.intake.services import reference_next
from ethics_office.organisation.models import DutyStation, Entity

from ..models import (
    LeadershipDialogue,
    ManagementLevel,
    MissionMeeting,
    MissionMeetingKind,
    OutreachMission,
    Publication,
    PublicationKind,
    SeniorBriefing,
    SeniorLevel,
    WebsiteVisitCount,
)
from ..permissions import access_briefing, access_mission
from .common import require_not_future

# --- outreach missions ------------------------------------------------------------------------


@transaction.atomic
def outreach_mission_record(
    *,
    actor,
    start: dt.date,
    end: dt.date,
    duty_station: DutyStation,
    other_stations: list[DutyStation] | None = None,
    purpose: str = "",
    staff_met: int = 0,
    ref: str | None = None,
) -> OutreachMission:
    require_office(actor)
    if end < start:
        raise ApplicationError(_("The mission cannot end before it starts."), field="end")
    mission = OutreachMission.objects.create(
        ref=ref or reference_next(prefix="OM", year=start.year),
        start=start,
        end=end,
        duty_station=duty_station,
        purpose=purpose or "",
        staff_met=staff_met,
    )
    others = [s for s in (other_stations or []) if s.pk != duty_station.pk]
    if others:
        mission.other_stations.set(others)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=mission,
        fields=["ref", "start", "end", "duty_station", "other_stations", "purpose", "staff_met"],
        changes={"staff_met": (None, staff_met)},
    )
    return mission


@transaction.atomic
def mission_meeting_add(
    *, actor, mission_id: int, kind: str, date: dt.date, duty_station: DutyStation, attendance: int
) -> MissionMeeting:
    mission = access_mission(actor, mission_id, for_write=True)
    if kind not in MissionMeetingKind.values:
        raise ApplicationError(_("Choose a kind of meeting."), field="kind")
    if not (mission.start <= date <= mission.end):
        raise ApplicationError(_("The meeting must fall within the mission's dates."), field="date")
    meeting = MissionMeeting.objects.create(
        mission=mission, kind=kind, date=date, duty_station=duty_station, attendance=attendance
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=meeting,
        fields=["mission", "kind", "date", "duty_station", "attendance"],
    )
    return meeting


# --- senior briefings ----------------------------------------------------------------------------


@transaction.atomic
def senior_briefing_record(
    *,
    actor,
    date: dt.date,
    official: str,
    level: str,
    entity: Entity | None = None,
    notes: str = "",
    ref: str | None = None,
) -> SeniorBriefing:
    """A confidential briefing for a newly appointed ASG or USG. Who was briefed is encrypted
    and never written into the audit trail's values."""
    require_office(actor)
    if level not in SeniorLevel.values:
        raise ApplicationError(_("Choose ASG or USG."), field="level")
    require_not_future(date, "date")
    briefing = SeniorBriefing.objects.create(
        ref=ref or reference_next(prefix="SB", year=date.year),
        date=date,
        official=official.strip(),
        level=level,
        entity=entity,
        briefed_by=actor,
        notes=notes or "",
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=briefing,
        fields=["ref", "date", "official", "level", "entity", "briefed_by", "notes"],
    )
    return briefing


# --- leadership dialogue ---------------------------------------------------------------------------


@transaction.atomic
def leadership_dialogue_record(*, actor, entity: Entity, level: str, held_on: dt.date) -> LeadershipDialogue:
    """Mark that a management level of an entity has held its dialogue (or correct the date)."""
    require_office(actor)
    if level not in ManagementLevel.values:
        raise ApplicationError(_("Choose a management level."), field="level")
    require_not_future(held_on, "held_on")
    old = (
        LeadershipDialogue.objects.filter(entity=entity, level=level)
        .values_list("held_on", flat=True)
        .first()
    )
    dialogue, _created = LeadershipDialogue.objects.update_or_create(
        entity=entity, level=level, defaults={"held_on": held_on}
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE if old else Action.CREATE,
        obj=dialogue,
        fields=["entity", "level", "held_on"],
        changes={"held_on": (old, held_on)},
    )
    return dialogue


# --- publications and the website --------------------------------------------------------------------


@transaction.atomic
def publication_record(
    *,
    actor,
    title: str,
    kind: str,
    languages: str,
    published_on: dt.date,
    distribution: str = "",
    copies: int = 0,
) -> Publication:
    require_office(actor)
    if kind not in PublicationKind.values:
        raise ApplicationError(_("Choose a kind of publication."), field="kind")
    publication = Publication.objects.create(
        title=title.strip(),
        kind=kind,
        languages=languages.strip(),
        distribution=distribution or "",
        copies=copies,
        published_on=published_on,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=publication,
        fields=["title", "kind", "languages", "distribution", "copies", "published_on"],
    )
    return publication


@transaction.atomic
def website_visits_record(*, actor, period: str, visits: int) -> WebsiteVisitCount:
    require_office(actor)
    ok = (
        len(period) == 9
        and period.isascii()
        and period[:4].isdigit()
        and period[5:].isdigit()
        and period[4] == "-"
    )
    if not ok or int(period[5:]) != int(period[:4]) + 1:
        raise ApplicationError(_("The period must look like 2011-2012."), field="period")
    old = WebsiteVisitCount.objects.filter(period=period).values_list("visits", flat=True).first()
    count, _created = WebsiteVisitCount.objects.update_or_create(period=period, defaults={"visits": visits})
    audit_record(
        actor=actor,
        action=Action.UPDATE if old is not None else Action.CREATE,
        obj=count,
        fields=["period", "visits"],
        changes={"visits": (old, visits)},
    )
    return count


def senior_briefing_read(*, actor, briefing_id: int) -> SeniorBriefing:
    """A confidential briefing: every reading is recorded."""
    briefing = access_briefing(actor, briefing_id)
    audit_record(actor=actor, action=Action.VIEW, obj=briefing, fields=["official", "notes"])
    return briefing
