"""Monthly notices cost a fixed number of queries per entity, however many filers are outstanding."""

import datetime as dt

import pytest
from django.utils import timezone

from disclosure import services
from disclosure.models import ComplianceNotice
from ethics_office.organisation.models import Entity
from tests.organisation.factories import PersonFactory
from tests.queries import count_queries

from .factories import CycleFactory, FilerFactory

TODAY = timezone.localdate()


def _run(cycle, entities, filers_per_entity):
    ComplianceNotice.objects.all().delete()
    for code in entities:
        entity = Entity.objects.get(code=code)
        have = cycle.filers.filter(entity=entity).count()
        for _ in range(filers_per_entity - have):
            FilerFactory(cycle=cycle, person=PersonFactory(entity=entity))
    queries = count_queries(lambda: services.monthly_notices_send(actor=None, today=TODAY))
    assert ComplianceNotice.objects.filter(entity__code__in=entities).count() == len(entities)
    return len(queries)


@pytest.mark.django_db
def test_monthly_notices_cost_the_same_queries_for_2_and_40_filers_per_entity(people):
    Entity.objects.filter(code__in=["DM", "UNOG"]).update(head_email="head@example.un.org")
    cycle = CycleFactory(
        year=TODAY.year, opens_on=TODAY - dt.timedelta(days=90), deadline=TODAY - dt.timedelta(days=10)
    )
    entities = ["DM", "UNOG"]
    few = _run(cycle, entities, 2)
    many = _run(cycle, entities, 40)
    assert few == many, f"{few} queries with 2 filers per entity, {many} with 40"
    assert cycle.filers.count() == 80
