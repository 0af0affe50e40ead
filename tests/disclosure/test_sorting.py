"""The conflicts register, the compliance list and a cycle's filers sort by their headers; unknown
sorts are ignored."""

import datetime as dt

import pytest
from django.urls import reverse

from disclosure.models import ConflictItem, Filer
from tests.sorting import assert_sorts

pytestmark = pytest.mark.django_db


def test_the_conflicts_register_sorts_by_identified_and_age(client_for, people, staff_filer, staff2_filer):
    ConflictItem.objects.create(
        filer=staff_filer, kind="outside_activity", follow_up="open", identified_on=dt.date(2026, 1, 5)
    )
    ConflictItem.objects.create(
        filer=staff2_filer, kind="outside_activity", follow_up="open", identified_on=dt.date(2026, 6, 5)
    )
    first, second = staff_filer.person.name, staff2_filer.person.name
    client = client_for("officer")
    url = "/disclosure/conflicts/"
    assert_sorts(client, url, "identified", first, second)
    assert_sorts(client, url, "age", second, first)


def test_the_compliance_list_and_the_cycle_sort_by_filed_on(
    client_for, people, cycle, staff_filer, staff2_filer
):
    Filer.objects.filter(pk=staff_filer.pk).update(confirmed=True, filed_on=dt.date(2026, 3, 1))
    Filer.objects.filter(pk=staff2_filer.pk).update(confirmed=True, filed_on=dt.date(2026, 4, 1), grade="P-5")
    Filer.objects.filter(pk=staff_filer.pk).update(grade="P-2")
    first, second = staff_filer.person.name, staff2_filer.person.name
    client = client_for("officer")
    assert_sorts(client, reverse("disclosure-compliance") + f"?cycle={cycle.year}", "filed", first, second)
    assert_sorts(client, reverse("disclosure-cycle", args=[cycle.year]), "grade", first, second)
