"""Every write to the outreach records: keyword-only, atomic, audited.

Only the office records outreach; a staff member may ask for a session for their team.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.core.errors import ApplicationError, TransitionNotAllowed, ValidationFailed
from ethics_office.intake.models import Channel
from ethics_office.intake.services import reference_next, service_request_register
from ethics_office.organisation.models import DutyStation, Entity, Person
from ethics_office.organisation.selectors import person_of

from .models import (
    Course,
    CourseCompletion,
    CourseCompletionCount,
    LeadershipDialogue,
    ManagementLevel,
    MissionMeeting,
    MissionMeetingKind,
    OutreachMission,
    Publication,
    PublicationKind,
    SeniorBriefing,
    SeniorLevel,
    TrainerCertification,
    TrainingKind,
    TrainingRequest,
    TrainingRequestStatus,
    TrainingSession,
    WebsiteVisitCount,
)
from .permissions import (
    access_mission,
    access_training_request,
    access_training_session,
    may_request_training,
    require_office,
)
from .workflow import ALLOWED


def period_of(day: dt.date) -> str:
    """The reporting period a date falls in: 2011-2012 runs 1 August 2011 to 31 July 2012."""
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


def _office(actor) -> None:
    require_office(actor)


def _not_future(day: dt.date, field: str) -> None:
    if day > timezone.localdate():
        raise ApplicationError(_("The date cannot be in the future."), field=field)


# --- training sessions ---------------------------------------------------------------------


@transaction.atomic
def training_session_record(
    *,
    actor,
    date: dt.date,
    kind: str,
    title: str = "",
    duty_station: DutyStation | None = None,
    entity: Entity | None = None,
    facilitator: Person | None = None,
    attendees: list[Person] | None = None,
    participants: int | None = None,
    request: TrainingRequest | None = None,
    ref: str | None = None,
) -> TrainingSession:
    """Record a session held, with its attendance list or, failing one, a headcount.

    With a list, the headcount is the list's length (the report counts `participants`)."""
    _office(actor)
    if kind not in TrainingKind.values:
        raise ApplicationError(_("Choose a kind of session."), field="kind")
    _not_future(date, "date")
    attendees = list(dict.fromkeys(attendees or []))
    if not attendees and participants is None:
        raise ApplicationError(
            _("Give the attendance list or the number of participants."), field="attendance"
        )
    session = TrainingSession.objects.create(
        ref=ref or reference_next(prefix="TS", year=date.year),
        date=date,
        kind=kind,
        title=title or "",
        duty_station=duty_station,
        entity=entity,
        facilitator=facilitator,
        participants=len(attendees) if attendees else participants,
        request=request,
    )
    if attendees:
        session.attendees.set(attendees)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=session,
        fields=[
            "ref",
            "date",
            "kind",
            "title",
            "duty_station",
            "entity",
            "facilitator",
            "attendees",
            "participants",
        ],
        changes={"participants": (None, session.participants)},
    )
    if request is not None and request.status == TrainingRequestStatus.REQUESTED:
        training_request_transition(actor=actor, request_id=request.pk, to=TrainingRequestStatus.SCHEDULED)
    return session


@transaction.atomic
def training_session_attendance_set(*, actor, session_id: int, attendees: list[Person]) -> TrainingSession:
    """Replace the attendance list; the headcount follows it."""
    session = access_training_session(actor, session_id, for_write=True)
    attendees = list(dict.fromkeys(attendees))
    if not attendees:
        raise ApplicationError(_("The attendance list is empty."), field="attendance")
    old = session.participants
    session.attendees.set(attendees)
    session.participants = len(attendees)
    session.save(update_fields=["participants", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=session,
        fields=["attendees", "participants"],
        changes={"participants": (old, session.participants)},
    )
    return session


# --- training requests from staff ---------------------------------------------------------


@transaction.atomic
def training_request_submit(
    *, actor, team: str, team_size: int, preferred_date: dt.date | None = None, message: str = ""
) -> TrainingRequest:
    """A staff member asks for a session for their team: a `training` service request in the
    register, plus the request's own record."""
    if not may_request_training(actor):
        raise ApplicationError(_("Only staff members with a staff record can ask for a session."))
    person = person_of(actor)
    if team_size < 1:
        raise ApplicationError(_("The team must have at least one member."), field="team_size")
    if preferred_date is not None and preferred_date < timezone.localdate():
        raise ApplicationError(_("The preferred date cannot be in the past."), field="preferred_date")
    service_request = service_request_register(
        actor=actor, category="training", requester=person, channel=Channel.WEB
    )
    request = TrainingRequest.objects.create(
        service_request=service_request,
        requested_by=actor,
        team=team.strip(),
        team_size=team_size,
        preferred_date=preferred_date,
        message=message or "",
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=request,
        fields=["service_request", "team", "team_size", "preferred_date", "message"],
    )
    return request


@transaction.atomic
def training_request_transition(*, actor, request_id: int, to: str) -> TrainingRequest:
    request = access_training_request(actor, request_id, for_write=True)
    if to not in TrainingRequestStatus.values:
        raise TransitionNotAllowed(_("Unknown status."), field="status")
    if to not in ALLOWED.get(request.status, set()):
        raise TransitionNotAllowed(
            _("A request that is %(s)s cannot become %(t)s.")
            % {"s": request.get_status_display(), "t": TrainingRequestStatus(to).label}
        )
    old, request.status = request.status, to
    request.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor, action=Action.TRANSITION, obj=request, fields=["status"], changes={"status": (old, to)}
    )
    return request


# --- online course completions -------------------------------------------------------------

PERSON_COLUMNS = ("course", "index_number", "completed_on")
COUNT_COLUMNS = ("course", "period", "count")


@dataclass
class ImportResult:
    kind: str  # "per_person" or "counts"
    rows: int
    created: int
    skipped: int


def _read_csv(data: bytes | str) -> tuple[list[str], list[dict]]:
    if len(data) > settings.UPLOAD_MAX_BYTES:
        message = _("The file is larger than %(limit)s MB.") % {"limit": settings.UPLOAD_MAX_BYTES // 1048576}
        raise ValidationFailed(message, errors={"file": [message]})
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationFailed(
                _("The file is not UTF-8 text."), errors={"file": [_("The file is not UTF-8 text.")]}
            ) from None
    reader = csv.DictReader(io.StringIO(data))
    fields = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
    reader.fieldnames = fields
    return fields, list(reader)


@transaction.atomic
def course_completions_import(*, actor, data: bytes | str) -> ImportResult:
    """Import the learning system's CSV export: either one row per completion
    (course, index_number, completed_on) or one row per period (course, period, count).

    Every row is checked first; any error raises ValidationFailed listing each bad row by its
    line number in the file (the header is line 1), and nothing is saved. Per-person rows
    already imported are skipped and add nothing to the period counts."""
    _office(actor)
    fields, rows = _read_csv(data)
    if set(PERSON_COLUMNS) <= set(fields):
        kind = "per_person"
    elif set(COUNT_COLUMNS) <= set(fields):
        kind = "counts"
    else:
        message = _("The header must be “%(a)s” or “%(b)s”.") % {
            "a": ",".join(PERSON_COLUMNS),
            "b": ",".join(COUNT_COLUMNS),
        }
        raise ValidationFailed(message, errors={"line 1": [message]})
    if not rows:
        raise ValidationFailed(_("The file has no rows."), errors={"file": [_("The file has no rows.")]})

    errors: dict[str, list[str]] = {}
    parsed = []
    people = {}
    if kind == "per_person":
        wanted = {(r.get("index_number") or "").strip() for r in rows}
        people = {p.index_number: p for p in Person.objects.filter(index_number__in=wanted)}
    seen = set()
    for line, row in enumerate(rows, start=2):
        problems = []
        course = (row.get("course") or "").strip()
        if course not in Course.values:
            problems.append(_("unknown course “%(c)s”") % {"c": course})
        if kind == "per_person":
            index = (row.get("index_number") or "").strip()
            person = people.get(index)
            if person is None:
                problems.append(_("no staff member with index number “%(i)s”") % {"i": index})
            try:
                day = parse_date((row.get("completed_on") or "").strip())
            except ValueError:
                day = None
            if day is None:
                problems.append(_("completed_on is not a date (YYYY-MM-DD)"))
            elif day > timezone.localdate():
                problems.append(_("completed_on is in the future"))
            key = (course, index, day)
            if not problems and key in seen:
                problems.append(_("the same completion appears twice in the file"))
            seen.add(key)
            parsed.append((course, person, day))
        else:
            period = (row.get("period") or "").strip()
            valid_period = (
                len(period) == 9
                and period[4] == "-"
                and period[:4].isdigit()
                and period[5:].isdigit()
                and int(period[5:]) == int(period[:4]) + 1
            )
            if not valid_period:
                problems.append(_("period must look like 2011-2012"))
            raw = (row.get("count") or "").strip()
            count = int(raw) if raw.isdigit() else None
            if count is None:
                problems.append(_("count must be a whole number"))
            key = (course, period)
            if not problems and key in seen:
                problems.append(_("the same course and period appear twice in the file"))
            seen.add(key)
            parsed.append((course, period, count))
        if problems:
            errors[_("line %(n)s") % {"n": line}] = problems
    if errors:
        raise ValidationFailed(
            _("%(n)s row(s) have errors; nothing was imported.") % {"n": len(errors)}, errors=errors
        )

    created = skipped = 0
    if kind == "per_person":
        existing = set(
            CourseCompletion.objects.filter(person__in=[p for _c, p, _d in parsed]).values_list(
                "course", "person_id", "completed_on"
            )
        )
        added_per_period: dict[tuple[str, str], int] = {}
        new = []
        for course, person, day in parsed:
            if (course, person.pk, day) in existing:
                skipped += 1
                continue
            new.append(CourseCompletion(course=course, person=person, completed_on=day))
            key = (course, period_of(day))
            added_per_period[key] = added_per_period.get(key, 0) + 1
        CourseCompletion.objects.bulk_create(new)
        created = len(new)
        # The report reads the per-period counts: new completions add to them.
        for (course, period), n in added_per_period.items():
            counter, made = CourseCompletionCount.objects.get_or_create(
                course=course, period=period, defaults={"count": n}
            )
            if not made:
                CourseCompletionCount.objects.filter(pk=counter.pk).update(count=F("count") + n)
    else:
        for course, period, count in parsed:
            CourseCompletionCount.objects.update_or_create(
                course=course, period=period, defaults={"count": count}
            )
            created += 1
    audit_record(
        actor=actor,
        action=Action.IMPORT,
        object_type="outreach.coursecompletion",
        fields=["course", "period", "count"] if kind == "counts" else ["course", "person", "completed_on"],
        changes={"rows": (None, len(rows)), "created": (None, created), "skipped": (None, skipped)},
    )
    return ImportResult(kind=kind, rows=len(rows), created=created, skipped=skipped)


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
    _office(actor)
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
    _office(actor)
    if level not in SeniorLevel.values:
        raise ApplicationError(_("Choose ASG or USG."), field="level")
    _not_future(date, "date")
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
    _office(actor)
    if level not in ManagementLevel.values:
        raise ApplicationError(_("Choose a management level."), field="level")
    _not_future(held_on, "held_on")
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
    _office(actor)
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
    _office(actor)
    ok = len(period) == 9 and period[:4].isdigit() and period[5:].isdigit() and period[4] == "-"
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


# --- trainer certification -----------------------------------------------------------------------------


@transaction.atomic
def trainer_certify(
    *, actor, trainer: Person, certified_by: Person, certified_on: dt.date, note: str = ""
) -> TrainerCertification:
    _office(actor)
    if trainer.pk == certified_by.pk:
        raise ApplicationError(_("A trainer cannot certify themself."), field="certified_by")
    _not_future(certified_on, "certified_on")
    certification = TrainerCertification.objects.create(
        trainer=trainer, certified_by=certified_by, certified_on=certified_on, note=note or ""
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=certification,
        fields=["trainer", "certified_by", "certified_on", "note"],
    )
    return certification
