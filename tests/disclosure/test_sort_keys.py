"""The filers' denormalised sort keys (issue 17): the cycle page's order, kept by every write."""

import datetime as dt

import pytest
from django.db import connection

from disclosure import services
from disclosure.models import Filer
from disclosure.services.sortkeys import filer_sort_keys_refresh
from ethics_office.organisation.models import Entity
from tests.organisation.factories import PersonFactory

from .factories import FilerFactory

pytestmark = pytest.mark.django_db


def _keys(filer):
    filer.refresh_from_db()
    return filer.sort_entity, filer.sort_name


def test_a_saved_filer_carries_its_entity_code_and_person_name(people, cycle):
    filer = FilerFactory(cycle=cycle)
    assert _keys(filer) == (filer.entity.code, filer.person.name)


def test_renaming_the_person_or_recoding_the_entity_moves_the_keys(people, cycle):
    filer = FilerFactory(cycle=cycle)
    filer.person.name = "Zed Renamed"
    filer.person.save()
    assert _keys(filer)[1] == "Zed Renamed"
    entity = Entity.objects.get(pk=filer.entity_id)
    entity.code = "ZZZ"
    entity.save()
    assert _keys(filer)[0] == "ZZZ"


def test_bulk_writes_are_refreshed_set_based_and_only_where_stale(people, cycle):
    filers = [FilerFactory(cycle=cycle) for _ in range(3)]
    Filer.objects.filter(pk=filers[0].pk).update(sort_name="stale", sort_entity="")
    assert filer_sort_keys_refresh(cycle_ids=[cycle.pk]) == 1
    assert _keys(filers[0]) == (filers[0].entity.code, filers[0].person.name)
    assert filer_sort_keys_refresh(cycle_ids=[cycle.pk]) == 0
    assert filer_sort_keys_refresh(person_ids=[]) == 0


def test_designation_and_opening_a_cycle_set_the_keys(people, officer):
    person = PersonFactory(grade="D-1", name="Director Grade")
    cycle = services.cycle_open(actor=officer, year=2031, deadline=dt.date(2031, 4, 30))
    opened = list(cycle.filers.select_related("entity", "person"))
    assert opened and all((f.sort_entity, f.sort_name) == (f.entity.code, f.person.name) for f in opened)
    other = PersonFactory(grade="P-4")
    filer = services.filer_designate(
        actor=officer, cycle_id=cycle.pk, person=other, reason="Procurement role"
    )
    assert _keys(filer) == (other.entity.code, other.name)
    assert person.pk in {f.person_id for f in opened}


def test_the_cycle_page_lists_in_the_sort_keys_order(cycle, client_for):
    names = ["Charlie", "alpha", "Bravo"]
    entity = FilerFactory(cycle=cycle).entity
    for name in names:
        FilerFactory(cycle=cycle, entity=entity, person=PersonFactory(name=f"Sortkey {name}", entity=entity))
    page = client_for("officer").get(f"/disclosure/cycles/{cycle.year}/").content.decode()
    shown = [n for n in sorted(names, key=page.index)]
    expected = list(
        Filer.objects.filter(cycle=cycle, person__name__startswith="Sortkey")
        .order_by("entity__code", "person__name")
        .values_list("person__name", flat=True)
    )
    assert [f"Sortkey {n}" for n in shown] == expected


def test_the_cycle_page_query_uses_the_sort_key_index(people, cycle):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's planner")
    qs = Filer.objects.filter(cycle=cycle).order_by("confirmed", "sort_entity", "sort_name", "pk")[:100]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        plan = qs.explain()
    assert "filer_cycle_page_idx" in plan
