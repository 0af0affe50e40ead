"""Live outreach records dated this year (the 2006-2012 history comes from the records import)."""

import datetime as dt

from django.utils import timezone

from ethics_office.organisation.demo import demo_user
from ethics_office.organisation.models import DutyStation, Entity, Person

from . import services
from .models import (
    LeadershipDialogue,
    OutreachMission,
    Publication,
    SeniorBriefing,
    TrainerCertification,
    TrainingRequest,
    TrainingSession,
    WebsiteVisitCount,
)

WORKSHOP_TITLE = "Professional ethics and integrity in our daily work"


def _day(days_ago: int) -> dt.date:
    """A date this year, `days_ago` before today (never before 1 January)."""
    today = timezone.localdate()
    return max(dt.date(today.year, 1, 1), today - dt.timedelta(days=days_ago))


def _person(index):
    return Person.objects.get(index_number=index)


def seed(stdout) -> None:
    officer = demo_user("officer")
    director = demo_user("director")
    nyc, gva = DutyStation.objects.get(code="NYC"), DutyStation.objects.get(code="GVA")
    dm, unog = Entity.objects.get(code="DM"), Entity.objects.get(code="UNOG")
    year = timezone.localdate().year

    sessions = [
        (f"TS-DEMO-{year}-1", 60, nyc, dm, ["D000001", "D000006", "D000002"], None),
        (f"TS-DEMO-{year}-2", 30, gva, unog, ["D000002", "D000004"], None),
        (f"TS-DEMO-{year}-3", 10, nyc, dm, [], 24),
    ]
    for ref, days_ago, station, entity, attendees, headcount in sessions:
        if not TrainingSession.objects.filter(ref=ref).exists():
            services.training_session_record(
                actor=officer,
                ref=ref,
                date=_day(days_ago),
                kind="workshop",
                title=WORKSHOP_TITLE,
                duty_station=station,
                entity=entity,
                facilitator=_person("D000003"),
                attendees=[_person(i) for i in attendees],
                participants=headcount,
            )

    staff = demo_user("staff")
    if not TrainingRequest.objects.filter(
        requested_by=staff, team="Office of Supply Chain Management"
    ).exists():
        services.training_request_submit(
            actor=staff,
            team="Office of Supply Chain Management",
            team_size=18,
            message="A workshop on gifts and outside activities for our buyers.",
        )

    ref = f"OM-DEMO-{year}-1"
    if not OutreachMission.objects.filter(ref=ref).exists():
        start = _day(45)
        mission = services.outreach_mission_record(
            actor=officer,
            ref=ref,
            start=start,
            end=start + dt.timedelta(days=4),
            duty_station=gva,
            other_stations=[DutyStation.objects.exclude(pk__in=[gva.pk, nyc.pk]).order_by("code").first()]
            if DutyStation.objects.exclude(pk__in=[gva.pk, nyc.pk]).exists()
            else [],
            purpose="Outreach to staff of the United Nations Office at Geneva",
            staff_met=120,
        )
        services.mission_meeting_add(
            actor=officer,
            mission_id=mission.pk,
            kind="town_hall",
            date=start,
            duty_station=gva,
            attendance=90,
        )
        services.mission_meeting_add(
            actor=officer,
            mission_id=mission.pk,
            kind="focus_group",
            date=start + dt.timedelta(days=1),
            duty_station=gva,
            attendance=18,
        )
        services.mission_meeting_add(
            actor=officer,
            mission_id=mission.pk,
            kind="individual",
            date=start + dt.timedelta(days=2),
            duty_station=gva,
            attendance=12,
        )

    ref = f"SB-DEMO-{year}-1"
    if not SeniorBriefing.objects.filter(ref=ref).exists():
        services.senior_briefing_record(
            actor=director,
            ref=ref,
            date=_day(20),
            official="Newly appointed Under-Secretary-General (demo)",
            level="USG",
            entity=dm,
            notes="Financial disclosure obligations; recusal; gifts from Member States.",
        )

    for entity, level, days_ago in [(dm, "head", 90), (dm, "directors", 60), (unog, "head", 40)]:
        if not LeadershipDialogue.objects.filter(entity=entity, level=level).exists():
            services.leadership_dialogue_record(
                actor=officer, entity=entity, level=level, held_on=_day(days_ago)
            )

    if not Publication.objects.filter(title="Roadmap: a guide to the Ethics Office").exists():
        services.publication_record(
            actor=officer,
            title="Roadmap: a guide to the Ethics Office",
            kind="roadmap",
            languages="English, French",
            distribution="All duty stations; induction packs",
            copies=5000,
            published_on=_day(100),
        )
    period = services.period_of(timezone.localdate())
    if not WebsiteVisitCount.objects.filter(period=period).exists():
        services.website_visits_record(actor=officer, period=period, visits=4200)

    trainer = _person("D000006")
    if not TrainerCertification.objects.filter(trainer=trainer).exists():
        services.trainer_certify(
            actor=officer,
            trainer=trainer,
            certified_by=_person("D000005"),
            certified_on=_day(120),
            note="Certified field trainer (demo)",
        )
    stdout.write("outreach: demo sessions, request, mission, briefing, dialogue, publication, trainer")
