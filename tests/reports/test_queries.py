"""The report's definitions: rounding, periods and a constant number of queries."""

import datetime as dt

import pytest

from advisory.models import AdviceCategory, AdviceRequest
from disclosure.models import ConflictItem, Filer, FilingCycle
from ethics_office.intake.models import ServiceCategory, ServiceRequest
from ethics_office.organisation.models import DutyStation, Entity, Person
from reports.queries import Period, annual_report, pct
from retaliation.models import RetaliationInquiry
from tests.queries import assert_queries_flat

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


def import_volume(n):
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


def test_the_report_costs_the_same_queries_for_10_and_10000_records():
    """The report is a fixed set of aggregate queries whatever the volume."""
    results = []
    assert_queries_flat(
        lambda: results.append(annual_report("2011-2012")), import_volume, few=10, many=10_000, what="records"
    )
    assert results[-2]["service_requests"]["total"] == 10
    report = results[-1]
    assert report["service_requests"]["total"] == 10_000
    assert report["disclosure"]["participants"] == 10_000
    assert report["advice"]["peacekeeping"] == 8000


def _load(*records):
    import json

    from reports.records.services import records_import

    records_import(actor=None, lines=[json.dumps(r) for r in records])


def _inquiry(ref, received, outcome, completed=None, **extra):
    return {"type": "retaliation_inquiry", "ref": ref, "received": received, "kind": "protection_request",
            "review_outcome": outcome, "review_completed": completed, **extra}  # fmt: skip


def test_an_outcome_reached_after_the_period_counts_as_pending_at_its_end():
    """Figure VI splits reviews by their outcome as it stood on 31 July."""
    _load(
        _inquiry("PR-1", "2011-09-01", "prima_facie", "2011-10-01"),
        _inquiry("PR-2", "2012-06-01", "no_prima_facie", "2012-09-01"),
        _inquiry("PR-3", "2012-07-01", "closed", "2012-07-20"),
        _inquiry(
            "PR-0",
            "2009-01-05",
            "prima_facie",
            "2009-02-01",
            investigation_completed="2010-01-01",
            retaliation_established=True,
        ),  # fmt: skip
        {"type": "retaliation_inquiry", "ref": "PR-4", "received": "2011-09-02", "kind": "policy_advice"},
    )
    retaliation = annual_report("2011-2012")["retaliation"]
    assert retaliation["inquiries"] == 4
    assert retaliation["preliminary_reviews"] == {
        "opened": 3, "completed": 1, "prima_facie": 1, "no_prima_facie": 0, "closed": 1, "pending": 1,
    }  # fmt: skip
    assert retaliation["policy_advice"] == 1
    cumulative = retaliation["cumulative"]
    assert (cumulative["reviews"], cumulative["prima_facie"], cumulative["pending"]) == (4, 2, 1)
    assert (cumulative["investigations_completed"], cumulative["retaliation_established"]) == (1, 1)
    later = annual_report("2012-2013")["retaliation"]["cumulative"]
    assert (later["no_prima_facie"], later["pending"]) == (1, 0)


def test_figure_1_runs_from_the_oldest_baseline_and_a_baseline_wins_over_records():
    _load(
        {"type": "baseline", "period": "2008-2009", "metric": "service_requests", "value": 470},
        {"type": "baseline", "period": "2010-2011", "metric": "service_requests", "value": 700},
        {"type": "service_request", "ref": "S1", "received": "2011-07-31", "category": "training"},
        {"type": "service_request", "ref": "S2", "received": "2011-08-01", "category": "training"},
        {"type": "service_request", "ref": "S3", "received": "2012-08-01", "category": "training"},
    )
    report = annual_report("2011-2012")
    assert report["service_requests"]["by_period"] == [
        {"label": "2008-2009", "total": 470},
        {"label": "2009-2010", "total": 0},
        {"label": "2010-2011", "total": 700},
        {"label": "2011-2012", "total": 1},
    ]
    assert (report["service_requests"]["total"], report["service_requests"]["previous_total"]) == (1, 700)


def test_table_2_counts_the_next_cycle_as_registered_by_the_periods_end_and_the_annex_is_ordered():
    def filer(cycle, person, entity, registered=None, filed="2011-04-01"):
        return {"type": "filer", "cycle": cycle, "person": person, "entity": entity, "duty_station": "NYC",
                "grade": "P-4", "filed": filed, "registered": registered}  # fmt: skip

    _load(
        filer(2011, "A1", "UNHCR"),
        filer(2011, "A2", "MONUSCO", filed=None),
        filer(2011, "A3", "DM"),
        filer(2011, "A4", "CEB"),
        filer(2012, "A1", "UNHCR", registered="2012-03-01"),
        filer(2012, "A2", "DM", registered="2012-08-15"),
    )
    disclosure = annual_report("2011-2012")["disclosure"]
    assert disclosure["participation"] == [
        {"year": 2011, "secretariat": 2, "peacekeeping": 1, "other": 1, "total": 4},
        {"year": 2012, "secretariat": 0, "peacekeeping": 0, "other": 1, "total": 1},
    ]
    assert disclosure["next_cycle_registered"] == 1
    assert [r["entity"] for r in disclosure["compliance_by_entity"]] == ["CEB", "DM", "MONUSCO", "UNHCR"]
    assert disclosure["compliance_by_group"]["peacekeeping"] == {
        "required": 1,
        "filed": 0,
        "non_compliant": 1,
    }
    assert (disclosure["filed"], disclosure["non_compliant"], disclosure["compliance_pct"]) == (3, 1, 75.0)
