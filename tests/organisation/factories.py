"""factory_boy factories for the organisation: entities, duty stations, accounts and people."""

import factory
from django.contrib.auth import get_user_model

from ethics_office.organisation.models import DutyStation, Entity, Grade, Person


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"ENT{n}")
    name = factory.LazyAttribute(lambda o: f"Entity {o.code}")
    name_zh = factory.LazyAttribute(lambda o: f"实体 {o.code}")
    group = "secretariat"


class DutyStationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DutyStation
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"DS{n}")
    name = factory.LazyAttribute(lambda o: f"Station {o.code}")
    headquarters = False


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.un.org")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    index_number = factory.Sequence(lambda n: f"T{n:06d}")
    name = factory.Sequence(lambda n: f"Person {n}")
    grade = Grade.P3
    entity = factory.LazyFunction(lambda: Entity.objects.get(code="DM"))
    duty_station = factory.LazyFunction(lambda: DutyStation.objects.get(code="NYC"))
    email = factory.LazyAttribute(lambda o: f"{o.index_number.lower()}@example.un.org")
