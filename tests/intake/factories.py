"""factory_boy factories for the intake register."""

import datetime as dt

import factory

from ethics_office.intake.models import ServiceCategory, ServiceRequest
from ethics_office.organisation.models import DutyStation, Entity


class ServiceRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceRequest

    ref = factory.Sequence(lambda n: f"SR-T-{n:05d}")
    received = dt.date(2012, 1, 10)
    channel = "web"
    category = factory.LazyFunction(lambda: ServiceCategory.objects.get(code="advice"))
    entity = factory.LazyFunction(lambda: Entity.objects.get(code="DM"))
    duty_station = factory.LazyFunction(lambda: DutyStation.objects.get(code="NYC"))
