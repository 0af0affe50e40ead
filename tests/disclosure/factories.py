import datetime as dt

import factory
from django.utils import timezone

from disclosure.models import Filer, FilingCycle
from ethics_office.organisation.models import DutyStation, Entity, Grade
from tests.organisation.factories import PersonFactory


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FilingCycle
        django_get_or_create = ["year"]

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    opens_on = factory.LazyAttribute(lambda o: dt.date(o.year, 3, 1))
    deadline = factory.LazyAttribute(lambda o: dt.date(o.year, 4, 30))


class FilerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Filer

    cycle = factory.SubFactory(CycleFactory)
    person = factory.SubFactory(PersonFactory, grade=Grade.D1)
    entity = factory.LazyAttribute(lambda o: o.person.entity)
    duty_station = factory.LazyAttribute(lambda o: o.person.duty_station)
    grade = factory.LazyAttribute(lambda o: o.person.grade or Grade.D1)
    registered_on = factory.LazyAttribute(lambda o: o.cycle.opens_on)
    confirmed = True


def entity(code):
    return Entity.objects.get(code=code)


def station(code):
    return DutyStation.objects.get(code=code)
