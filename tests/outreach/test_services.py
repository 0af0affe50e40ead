import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from ethics_office.audit.models import AuditEvent
from ethics_office.base.errors import ApplicationError
from ethics_office.base.rows import RowsInvalid
from ethics_office.intake.models import ServiceRequest
from ethics_office.organisation.models import DutyStation, Entity, Person
from outreach import services
from outreach.models import (
    CourseCompletion,
    CourseCompletionCount,
    LeadershipDialogue,
    TrainingRequestStatus,
    TrainingSession,
)
from outreach.permissions import access_briefing, access_training_request
from outreach.selectors import leadership_progress

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def nyc(people):
    return DutyStation.objects.get(code="NYC")


def _people(*numbers):
    return [Person.objects.get(index_number=n) for n in numbers]


def test_an_attendance_list_sets_the_headcount(officer, nyc):
    """With an attendance list the session's participants equal the list's length."""
    session = services.training_session_record(
        actor=officer,
        date=TODAY,
        kind="workshop",
        duty_station=nyc,
        attendees=_people("D000001", "D000002", "D000001"),
        participants=99,
    )
    session.refresh_from_db()
    assert session.participants == 2
    assert session.attendees.count() == 2
    services.training_session_attendance_set(
        actor=officer, session_id=session.pk, attendees=_people("D000001", "D000002", "D000006")
    )
    session.refresh_from_db()
    assert session.participants == 3


def test_a_headcount_alone_is_kept(officer, nyc):
    """Without a list the headcount recorded is kept as given."""
    session = services.training_session_record(
        actor=officer, date=TODAY, kind="briefing", duty_station=nyc, participants=25
    )
    assert session.participants == 25
    assert not session.attendees.exists()


def test_a_session_needs_attendance_or_a_headcount(officer, nyc):
    """A session with neither list nor headcount is refused and not saved."""
    with pytest.raises(ApplicationError):
        services.training_session_record(actor=officer, date=TODAY, kind="workshop", duty_station=nyc)
    assert not TrainingSession.objects.exists()


def test_staff_cannot_record_sessions(staff, nyc):
    """Only the office records sessions."""
    with pytest.raises(Http404):
        services.training_session_record(actor=staff, date=TODAY, kind="workshop", participants=3)


def test_a_training_request_registers_a_training_service_request(staff, staff2, officer, nyc):
    """Staff ask for a session: a `training` service request appears in the register; only the
    requester and the office see it; recording the session schedules it."""
    req = services.training_request_submit(actor=staff, team="Budget Unit", team_size=12)
    sr = ServiceRequest.objects.get(pk=req.service_request_id)
    assert sr.category.code == "training"
    assert sr.ref.startswith("TR-")
    assert sr.requester.user == staff
    assert access_training_request(staff, req.pk) == req
    with pytest.raises(Http404):
        access_training_request(staff2, req.pk)
    services.training_session_record(
        actor=officer, date=TODAY, kind="workshop", duty_station=nyc, participants=12, request=req
    )
    req.refresh_from_db()
    assert req.status == TrainingRequestStatus.SCHEDULED


def test_a_training_request_cannot_jump_statuses(staff, officer):
    """A declined request cannot be scheduled without being reopened."""
    req = services.training_request_submit(actor=staff, team="Unit", team_size=3)
    services.training_request_transition(actor=officer, request_id=req.pk, to="declined")
    with pytest.raises(ApplicationError):
        services.training_request_transition(actor=officer, request_id=req.pk, to="scheduled")
    req.refresh_from_db()
    assert req.status == "declined"


def test_per_person_completions_import_and_count_per_period(officer, people):
    """Per-person rows are saved and added to the period's count; re-importing adds nothing."""
    data = (
        "course,index_number,completed_on\n"
        "integrity_awareness,D000001,2025-09-01\n"
        "integrity_awareness,D000002,2026-01-15\n"
        "procurement_ethics,D000001,2026-02-01\n"
    )
    result = services.course_completions_import(actor=officer, data=data.encode())
    assert (result.kind, result.created, result.skipped) == ("per_person", 3, 0)
    assert CourseCompletion.objects.count() == 3
    counts = {(c.course, c.period): c.count for c in CourseCompletionCount.objects.all()}
    assert counts == {("integrity_awareness", "2025-2026"): 2, ("procurement_ethics", "2025-2026"): 1}
    again = services.course_completions_import(actor=officer, data=data.encode())
    assert (again.created, again.skipped) == (0, 3)
    assert CourseCompletionCount.objects.get(course="integrity_awareness", period="2025-2026").count == 2
    assert AuditEvent.objects.filter(action="import").count() == 2


def test_count_rows_set_the_period_count(officer, people):
    """Count rows set (not add to) the period's count."""
    services.course_completions_import(
        actor=officer, data="course,period,count\nintegrity_awareness,2011-2012,5300\n"
    )
    services.course_completions_import(
        actor=officer, data="course,period,count\nintegrity_awareness,2011-2012,5301\n"
    )
    assert CourseCompletionCount.objects.get(course="integrity_awareness", period="2011-2012").count == 5301


def test_import_errors_name_every_bad_row_and_nothing_is_saved(officer, people):
    """Every bad row is reported with its line number; the good rows are not saved either."""
    data = (
        "course,index_number,completed_on\n"
        "integrity_awareness,D000001,2025-09-01\n"  # line 2: fine
        "knitting,D000002,2025-09-01\n"  # line 3: unknown course
        "integrity_awareness,Z999999,2025-09-01\n"  # line 4: unknown person
        "procurement_ethics,D000002,01/09/2025\n"  # line 5: bad date
    )
    with pytest.raises(RowsInvalid) as info:
        services.course_completions_import(actor=officer, data=data)
    rows = info.value.rows
    assert [(e.line, e.field, e.value) for e in rows] == [
        (3, "course", "knitting"),
        (4, "index_number", "Z999999"),
        (5, "completed_on", "01/09/2025"),
    ]
    assert rows[0].expected == "one of: integrity_awareness, procurement_ethics"
    assert info.value.errors["file"][0] == (
        "Line 3: course “knitting”: expected one of: integrity_awareness, procurement_ethics"
    )
    assert CourseCompletion.objects.count() == 0
    assert CourseCompletionCount.objects.count() == 0


def test_count_import_errors(officer, people):
    """Bad periods, counts and duplicates are reported per line and nothing is saved."""
    data = (
        "course,period,count\n"
        "integrity_awareness,2011-2012,5300\n"
        "procurement_ethics,2011-2013,300\n"
        "procurement_ethics,2011-2012,many\n"
        "integrity_awareness,2011-2012,1\n"
    )
    with pytest.raises(RowsInvalid) as info:
        services.course_completions_import(actor=officer, data=data)
    assert [(e.line, e.field) for e in info.value.rows] == [(3, "period"), (4, "count"), (5, "period")]
    assert not CourseCompletionCount.objects.exists()


def test_an_unknown_header_is_refused(officer, people):
    """A file with neither shape of header is refused."""
    with pytest.raises(RowsInvalid) as info:
        services.course_completions_import(actor=officer, data="name,score\nx,1\n")
    [error] = info.value.rows
    assert (error.line, error.value) == (1, "name,score")
    assert "course,index_number,completed_on" in error.expected and "course,period,count" in error.expected


def test_a_field_over_128_kib_or_a_nul_is_an_error_not_a_crash(officer, people):
    """A huge field or a NUL character is reported by line; nothing is saved."""
    huge = "course,period,count\nintegrity_awareness,2011-2012,5\n" + "x" * (200 * 1024) + ",2011-2012,1\n"
    with pytest.raises(RowsInvalid) as info:
        services.course_completions_import(actor=officer, data=huge)
    assert info.value.rows[0].line == 3
    with pytest.raises(RowsInvalid) as info:
        services.course_completions_import(
            actor=officer, data="course,period,count\nintegrity\x00,2011-2012,1\n"
        )
    assert info.value.rows[0].line == 2
    assert not CourseCompletionCount.objects.exists()


def test_senior_briefings_are_for_the_office_only(officer, director, staff, panel_member, focalpoint):
    """Officers and the Director read a briefing; everyone else gets 404. The name is encrypted."""
    b = services.senior_briefing_record(actor=officer, date=TODAY, official="Jane Doe", level="ASG")
    assert access_briefing(director, b.pk).official == "Jane Doe"
    for user in (staff, panel_member, focalpoint):
        with pytest.raises(Http404):
            access_briefing(user, b.pk)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT official FROM outreach_seniorbriefing WHERE id = %s", [b.pk])
        assert "Jane" not in cursor.fetchone()[0]


def test_mission_meetings_fall_within_the_mission(officer, nyc):
    """A meeting dated outside the mission is refused."""
    gva = DutyStation.objects.get(code="GVA")
    m = services.outreach_mission_record(
        actor=officer, start=TODAY, end=TODAY + dt.timedelta(days=2), duty_station=nyc, other_stations=[gva]
    )
    assert list(m.other_stations.all()) == [gva]
    services.mission_meeting_add(
        actor=officer, mission_id=m.pk, kind="town_hall", date=TODAY, duty_station=nyc, attendance=80
    )
    with pytest.raises(ApplicationError):
        services.mission_meeting_add(
            actor=officer,
            mission_id=m.pk,
            kind="focus_group",
            date=TODAY + dt.timedelta(days=9),
            duty_station=gva,
            attendance=10,
        )
    assert m.meetings.count() == 1


def test_leadership_dialogue_progress(officer, people):
    """Recording a level twice updates its date; the dashboard counts each level once."""
    dm = Entity.objects.get(code="DM")
    services.leadership_dialogue_record(actor=officer, entity=dm, level="head", held_on=TODAY)
    services.leadership_dialogue_record(
        actor=officer, entity=dm, level="head", held_on=TODAY - dt.timedelta(days=1)
    )
    services.leadership_dialogue_record(actor=officer, entity=dm, level="directors", held_on=TODAY)
    assert LeadershipDialogue.objects.count() == 2
    rows, done, percent, per_level = leadership_progress(officer)
    assert done == 2
    assert per_level[0][0] == 1 and per_level[1][0] == 1 and per_level[2][0] == 0
    dm_row = next(r for r in rows if r[0] == dm)
    assert dm_row[2] == 2
    assert 0 < percent < 100


def test_website_visits_and_trainer_certification(officer, people):
    """Visits per period are set; a trainer cannot certify themself."""
    services.website_visits_record(actor=officer, period="2025-2026", visits=10000)
    services.website_visits_record(actor=officer, period="2025-2026", visits=10500)
    with pytest.raises(ApplicationError):
        services.website_visits_record(actor=officer, period="2025", visits=1)
    trainer, certifier = _people("D000006", "D000003")
    services.trainer_certify(actor=officer, trainer=trainer, certified_by=certifier, certified_on=TODAY)
    with pytest.raises(ApplicationError):
        services.trainer_certify(actor=officer, trainer=trainer, certified_by=trainer, certified_on=TODAY)


def test_period_of():
    """Periods run 1 August to 31 July."""
    assert services.period_of(dt.date(2011, 8, 1)) == "2011-2012"
    assert services.period_of(dt.date(2012, 7, 31)) == "2011-2012"
    assert services.period_of(timezone.localdate()) in {
        f"{timezone.localdate().year - 1}-{timezone.localdate().year}",
        f"{timezone.localdate().year}-{timezone.localdate().year + 1}",
    }


def test_the_overview_totals_a_period(officer, nyc):
    """Workshops, participants, missions, staff met and briefings are totalled per period."""
    from outreach.selectors import outreach_totals

    services.training_session_record(
        actor=officer, date=dt.date(2025, 9, 1), kind="workshop", duty_station=nyc, participants=20
    )
    services.training_session_record(
        actor=officer, date=dt.date(2026, 7, 31), kind="workshop", duty_station=nyc, participants=5
    )
    services.training_session_record(
        actor=officer, date=dt.date(2026, 8, 1), kind="workshop", duty_station=nyc, participants=7
    )
    services.training_session_record(
        actor=officer, date=dt.date(2025, 10, 1), kind="briefing", duty_station=nyc, participants=50
    )
    services.outreach_mission_record(
        actor=officer, start=dt.date(2025, 11, 1), end=dt.date(2025, 11, 3), duty_station=nyc, staff_met=80
    )
    services.senior_briefing_record(actor=officer, date=dt.date(2026, 1, 5), official="X", level="ASG")
    (row,) = outreach_totals(officer, ["2025-2026"])
    assert (row["workshops"], row["participants"], row["sessions"]) == (2, 25, 3)
    assert (row["missions"], row["staff_met"], row["briefings"]) == (1, 80, 1)


def test_a_row_is_named_by_the_line_it_starts_on(officer, people):
    """A quoted field spanning two lines does not shift the line numbers of later rows."""
    data = (
        "course,period,count\n"
        '"integrity_awareness",2011-2012,5\n'
        '"procurement\nethics",2011-2012,1\n'  # lines 3-4
        "knitting,2011-2012,1\n"  # line 5
    )
    with pytest.raises(RowsInvalid) as info:
        services.course_completions_import(actor=officer, data=data)
    assert [(e.line, e.field) for e in info.value.rows] == [(3, "course"), (5, "course")]
