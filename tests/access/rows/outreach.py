"""Access to the outreach pages: the office records and reads everything; staff reach only
their own training requests; everyone else gets 404."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from ..matrix import LOGIN, NO_AUTH, Row, expect

OFFICE_PAGE = expect(404, anonymous=LOGIN, officer=200, officer2=200, director=200)
OFFICE_POST = expect(404, anonymous=LOGIN, officer=302, officer2=302, director=302)
# Anyone with the staff role and a staff record may ask for a session.
STAFF_PAGE = expect(200, anonymous=LOGIN, reviewer=404, panel=404)


def build(world):
    from ethics_office.organisation.models import DutyStation, Person
    from outreach import services

    officer = world.users["officer"]
    today = dt.date(2026, 3, 2)
    nyc = DutyStation.objects.get(code="NYC")
    world.outreach_session = services.training_session_record(
        actor=officer, date=today, kind="workshop", duty_station=nyc, participants=12
    )
    world.outreach_request = services.training_request_submit(
        actor=world.users["staff"], team="Procurement Division", team_size=15
    )
    world.outreach_mission = services.outreach_mission_record(
        actor=officer, start=today, end=today + dt.timedelta(days=3), duty_station=nyc, staff_met=40
    )
    world.outreach_briefing = services.senior_briefing_record(
        actor=officer, date=today, official="A. New USG", level="USG"
    )
    world.outreach_person = Person.objects.get(index_number="D000002")


CSV = "course,period,count\nintegrity_awareness,2025-2026,10\n"


ROWS = [
    Row("outreach-sessions", OFFICE_PAGE),
    Row("outreach-overview", OFFICE_PAGE),
    Row("outreach-session-create", OFFICE_PAGE),
    Row(
        "outreach-session-create",
        OFFICE_POST,
        method="POST",
        data=lambda w: {
            "date": "2026-03-01",
            "kind": "workshop",
            "duty_station": w.outreach_session.duty_station_id,
            "attendance": "D000001\nD000002",
        },
        note="records a workshop",
    ),
    Row("outreach-session-detail", OFFICE_PAGE, kwargs=lambda w: {"pk": w.outreach_session.pk}),
    Row(
        "outreach-session-attendance",
        OFFICE_POST,
        method="POST",
        kwargs=lambda w: {"pk": w.outreach_session.pk},
        data=lambda w: {"attendance": "D000001"},
    ),
    Row("outreach-requests", STAFF_PAGE),
    Row("outreach-request-create", STAFF_PAGE),
    Row(
        "outreach-request-create",
        expect(302, anonymous=LOGIN, reviewer=404, panel=404),
        method="POST",
        data=lambda w: {"team": "My unit", "team_size": 5},
        note="registers a training request",
    ),
    Row(
        "outreach-request-detail",
        expect(404, anonymous=LOGIN, staff=200, officer=200, officer2=200, director=200),
        kwargs=lambda w: {"pk": w.outreach_request.pk},
        note="own request or the office",
    ),
    Row(
        "outreach-request-transition",
        expect(404, anonymous=LOGIN, officer=302, officer2=302, director=302),
        method="POST",
        kwargs=lambda w: {"pk": w.outreach_request.pk},
        data=lambda w: {"to": "declined"},
        note="staff cannot decide their own request",
    ),
    Row("outreach-completions", OFFICE_PAGE),
    Row("outreach-completion-import", OFFICE_PAGE),
    Row(
        "outreach-completion-import-template",
        expect(200, anonymous=LOGIN),
        note="a header and an example row",
    ),
    Row(
        "outreach-completion-import-template",
        expect(200, anonymous=LOGIN),
        query="kind=counts",
        note="the per-period shape",
    ),
    Row(
        "outreach-completion-import",
        OFFICE_POST,
        method="POST",
        data=lambda w: {"file": SimpleUploadedFile("export.csv", CSV.encode(), content_type="text/csv")},
        note="imports counts",
    ),
    Row("outreach-missions", OFFICE_PAGE),
    Row("outreach-mission-create", OFFICE_PAGE),
    Row("outreach-mission-detail", OFFICE_PAGE, kwargs=lambda w: {"pk": w.outreach_mission.pk}),
    Row(
        "outreach-mission-meeting-add",
        OFFICE_POST,
        method="POST",
        kwargs=lambda w: {"pk": w.outreach_mission.pk},
        data=lambda w: {
            "kind": "town_hall",
            "date": "2026-03-03",
            "duty_station": w.outreach_mission.duty_station_id,
            "attendance": 30,
        },
    ),
    Row("outreach-briefings", OFFICE_PAGE),
    Row("outreach-briefing-create", OFFICE_PAGE),
    Row("outreach-briefing-detail", OFFICE_PAGE, kwargs=lambda w: {"pk": w.outreach_briefing.pk}),
    Row("outreach-dialogue", OFFICE_PAGE),
    Row("outreach-publications", OFFICE_PAGE),
    Row("outreach-publication-create", OFFICE_PAGE),
    Row(
        "outreach-visits-record",
        OFFICE_POST,
        method="POST",
        data=lambda w: {"period": "2025-2026", "visits": 1200},
    ),
    Row("outreach-trainers", OFFICE_PAGE),
    Row("outreach-trainer-certify", OFFICE_PAGE),
    Row("api-outreach-sessions", expect(404, anonymous=NO_AUTH, officer=200, officer2=200, director=200)),
    Row("api-outreach-requests", expect(200, anonymous=NO_AUTH, reviewer=404, panel=404)),
    Row(
        "api-outreach-requests",
        expect(201, anonymous=NO_AUTH, reviewer=404, panel=404),
        method="POST",
        data=lambda w: {"team": "Unit", "team_size": 3},
        content_type="application/json",
        note="ask for a session",
    ),
]
