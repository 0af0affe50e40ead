"""Every outreach list answers in the same number of queries for 1 row and for 50."""

import datetime as dt
import itertools

import pytest
from django.urls import reverse

from ethics_office.intake.models import ServiceCategory, ServiceRequest
from ethics_office.organisation.models import DutyStation, Entity, Person
from outreach.models import (
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
from tests.queries import assert_queries_flat, get_ok

pytestmark = pytest.mark.django_db
_seq = itertools.count(1)
DAY = dt.date(2026, 2, 2)


def _session(n):
    nyc = DutyStation.objects.get(code="NYC")
    people = list(Person.objects.all()[:3])
    for _ in range(n):
        s = TrainingSession.objects.create(
            ref=f"TS-Q-{next(_seq)}",
            date=DAY,
            kind="workshop",
            duty_station=nyc,
            entity=Entity.objects.get(code="DM"),
            facilitator=people[0],
            participants=3,
        )
        s.attendees.set(people)


def _request(n, user):
    category = ServiceCategory.objects.get(code="training")
    for _ in range(n):
        i = next(_seq)
        sr = ServiceRequest.objects.create(
            ref=f"TR-Q-{i}", received=DAY, category=category, requester=user.person, entity=user.person.entity
        )
        TrainingRequest.objects.create(service_request=sr, requested_by=user, team=f"Team {i}", team_size=4)


def _completions(n):
    for _ in range(n):
        i = next(_seq)
        CourseCompletionCount.objects.create(
            course="integrity_awareness", period=f"{1000 + i}-{1001 + i}", count=i
        )


def _missions(n):
    nyc = DutyStation.objects.get(code="NYC")
    gva = DutyStation.objects.get(code="GVA")
    for _ in range(n):
        m = OutreachMission.objects.create(
            ref=f"OM-Q-{next(_seq)}", start=DAY, end=DAY, duty_station=nyc, staff_met=5
        )
        m.other_stations.set([gva])
        MissionMeeting.objects.create(mission=m, kind="town_hall", date=DAY, duty_station=nyc, attendance=5)


def _briefings(n, user):
    for _ in range(n):
        SeniorBriefing.objects.create(
            ref=f"SB-Q-{next(_seq)}",
            date=DAY,
            official="X",
            level="USG",
            entity=Entity.objects.get(code="DM"),
            briefed_by=user,
        )


def _dialogues(n):
    pairs = list(itertools.product(Entity.objects.order_by("code"), ManagementLevel.values))
    for entity, level in pairs[:n]:
        LeadershipDialogue.objects.get_or_create(entity=entity, level=level, defaults={"held_on": DAY})


def _publications(n):
    for _ in range(n):
        i = next(_seq)
        Publication.objects.create(title=f"Guide {i}", kind="guide", languages="English", published_on=DAY)
        WebsiteVisitCount.objects.create(period=f"{1000 + i}-{1001 + i}", visits=i)


def _trainers(n):
    a, b = Person.objects.all()[:2]
    for _ in range(n):
        TrainerCertification.objects.create(trainer=a, certified_by=b, certified_on=DAY)


@pytest.mark.parametrize(
    ("url_name", "maker"),
    [
        ("outreach-sessions", lambda users: _session),
        ("outreach-overview", lambda users: _session),
        ("api-outreach-sessions", lambda users: _session),
        ("outreach-requests", lambda users: lambda n: _request(n, users["staff"])),
        ("api-outreach-requests", lambda users: lambda n: _request(n, users["staff"])),
        ("outreach-completions", lambda users: _completions),
        ("outreach-missions", lambda users: _missions),
        ("outreach-briefings", lambda users: lambda n: _briefings(n, users["officer"])),
        ("outreach-dialogue", lambda users: _dialogues),
        ("outreach-publications", lambda users: _publications),
        ("outreach-trainers", lambda users: _trainers),
    ],
)
def test_office_lists_do_not_grow_with_rows(url_name, maker, people, client_for):
    """The office's list pages and endpoints run a fixed number of queries."""
    client = client_for("officer")
    assert_queries_flat(lambda: get_ok(client, reverse(url_name)), maker(people))


def test_a_staff_members_request_list_does_not_grow(people, client_for):
    """A staff member's own request list runs a fixed number of queries."""
    client = client_for("staff")
    assert_queries_flat(
        lambda: get_ok(client, reverse("outreach-requests")), lambda n: _request(n, people["staff"])
    )
