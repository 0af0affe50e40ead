"""factory_boy factories for outreach: sessions, requests, missions, briefings, publications, counts."""

import datetime as dt

import factory

from ethics_office.intake.models import ServiceCategory
from ethics_office.organisation.models import DutyStation, Entity, Person
from outreach.models import (
    CourseCompletionCount,
    MissionMeeting,
    OutreachMission,
    Publication,
    SeniorBriefing,
    TrainerCertification,
    TrainingRequest,
    TrainingSession,
    WebsiteVisitCount,
)
from tests.intake.factories import ServiceRequestFactory

DAY = dt.date(2026, 2, 2)


def _station(code):
    return factory.LazyFunction(lambda: DutyStation.objects.get(code=code))


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    """A workshop in New York for DM, with the first three people of the organisation attending."""

    class Meta:
        model = TrainingSession
        skip_postgeneration_save = True

    ref = factory.Sequence(lambda n: f"TS-F-{n}")
    date = DAY
    kind = "workshop"
    duty_station = _station("NYC")
    entity = factory.LazyFunction(lambda: Entity.objects.get(code="DM"))
    facilitator = factory.LazyFunction(lambda: Person.objects.first())
    participants = 3

    @factory.post_generation
    def attendees(session, create, extracted, **kwargs):
        if create:
            session.attendees.set(extracted if extracted is not None else list(Person.objects.all()[:3]))


class TrainingRequestFactory(factory.django.DjangoModelFactory):
    """A team's request for a session, registered in the intake register under the requester."""

    class Meta:
        model = TrainingRequest

    requested_by = None  # required: the account asking
    service_request = factory.LazyAttribute(
        lambda o: ServiceRequestFactory(
            category=ServiceCategory.objects.get(code="training"),
            requester=o.requested_by.person,
            entity=o.requested_by.person.entity,
            received=DAY,
        )
    )
    team = factory.Sequence(lambda n: f"Team {n}")
    team_size = 4


class CourseCompletionCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseCompletionCount

    course = "integrity_awareness"
    period = factory.Sequence(lambda n: f"{1000 + n}-{1001 + n}")
    count = factory.Sequence(lambda n: n)


class OutreachMissionFactory(factory.django.DjangoModelFactory):
    """A mission to New York that also covered Geneva, with one town hall."""

    class Meta:
        model = OutreachMission
        skip_postgeneration_save = True

    ref = factory.Sequence(lambda n: f"OM-F-{n}")
    start = DAY
    end = DAY
    duty_station = _station("NYC")
    staff_met = 5

    @factory.post_generation
    def other_stations(mission, create, extracted, **kwargs):
        if create:
            mission.other_stations.set(extracted or [DutyStation.objects.get(code="GVA")])

    @factory.post_generation
    def meetings(mission, create, extracted, **kwargs):
        if create:
            MissionMeeting.objects.create(
                mission=mission, kind="town_hall", date=DAY, duty_station=mission.duty_station, attendance=5
            )


class SeniorBriefingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeniorBriefing

    ref = factory.Sequence(lambda n: f"SB-F-{n}")
    date = DAY
    official = "X"
    level = "USG"
    entity = factory.LazyFunction(lambda: Entity.objects.get(code="DM"))
    briefed_by = None  # required: the officer who briefed


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    title = factory.Sequence(lambda n: f"Guide {n}")
    kind = "guide"
    languages = "English"
    published_on = DAY


class WebsiteVisitCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebsiteVisitCount

    period = factory.Sequence(lambda n: f"{1000 + n}-{1001 + n}")
    visits = factory.Sequence(lambda n: n)


class TrainerCertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainerCertification

    trainer = factory.LazyFunction(lambda: Person.objects.all()[0])
    certified_by = factory.LazyFunction(lambda: Person.objects.all()[1])
    certified_on = DAY
