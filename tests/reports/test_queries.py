"""The report's definitions: rounding, periods and a constant number of queries."""

import datetime as dt

import pytest

from advisory.models import AdviceCategory, AdviceRequest
from disclosure.models import ConflictItem, Filer, FilingCycle
from ethics_office.intake.models import ServiceCategory, ServiceRequest
from ethics_office.organisation.models import DutyStation, Entity, Person
from ethics_office.reports.queries import Period, annual_report, pct
from retaliation.models import RetaliationInquiry

pytestmark = pytest.mark.django_db


def test_percentages_round_half_away_from_zero():
    assert pct(1, 8) == 12.5
    assert pct(1, 16) == 6.3  # 6.25 rounds up, not to even
    assert pct(4303, 4306) == 99.9
    assert pct(1, 0) is None


def test_a_period_runs_from_august_to_july():
    period = Period.parse("2011-2012")
    assert (period.start, period.end, period.cycle) == (dt.date(2011, 8, 1), dt.date(2012, 7, 31), 2011)
    with pytest.raises(ValueError):
        Period.parse("2011-2013")


def _volume(n):
    """n cheap rows of each kind the report counts, in the 2011-2012 period and cycle."""
    category = ServiceCategory.objects.get(code="advice")
    retaliation = ServiceCategory.objects.get(code="retaliation")
    advice_category = AdviceCategory.objects.get(code="outside_activities")
    entity = Entity.objects.get(code="MONUSCO")
    station = DutyStation.objects.get(code="FIH")
    offset = ServiceRequest.objects.count()
    requests = ServiceRequest.objects.bulk_create(
        ServiceRequest(
            ref=f"Q-{offset + i}",
            received=dt.date(2011, 9, 1) + dt.timedelta(days=i % 300),
            category=retaliation if i % 5 == 0 else category,
            entity=entity,
            duty_station=station,
        )
        for i in range(n)
    )
    AdviceRequest.objects.bulk_create(
        AdviceRequest(service_request=r, category=advice_category)
        for r in requests
        if r.category_id == category.pk
    )
    RetaliationInquiry.objects.bulk_create(
        RetaliationInquiry(service_request=r, kind="protection_request") for r in requests
        if r.category_id == retaliation.pk
    )  # fmt: skip
    cycle, _ = FilingCycle.objects.get_or_create(
        year=2011, defaults={"opens_on": dt.date(2011, 3, 1), "deadline": dt.date(2011, 5, 31)}
    )
    people = Person.objects.bulk_create(
        Person(index_number=f"QP{offset + i}", name="x", entity=entity, duty_station=station)
        for i in range(n)
    )
    filers = Filer.objects.bulk_create(
        Filer(cycle=cycle, person=p, entity=entity, duty_station=station, grade="P-4",
              registered_on=dt.date(2011, 3, 1)) for p in people
    )  # fmt: skip
    ConflictItem.objects.bulk_create(ConflictItem(filer=f, kind="outside_activity") for f in filers[::3])


def test_the_report_costs_the_same_queries_for_10_and_10000_records(django_assert_num_queries):
    """The report is a fixed set of aggregate queries whatever the volume."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _volume(10)
    with CaptureQueriesContext(connection) as small:
        report = annual_report("2011-2012")
    assert report["service_requests"]["total"] == 10
    _volume(9990)
    with django_assert_num_queries(len(small.captured_queries)):
        report = annual_report("2011-2012")
    assert report["service_requests"]["total"] == 10_000
    assert report["disclosure"]["participants"] == 10_000
    assert report["advice"]["peacekeeping"] == 8000
