"""The records import: all-or-nothing, every error named, idempotent, ordinary records."""

import itertools
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from advisory.models import AdviceRequest
from disclosure.models import ConflictItem, Filer, FilingCycle, PublicDisclosure
from ethics_office.audit.models import Action, AuditEvent
from ethics_office.intake.models import ServiceRequest
from ethics_office.organisation.models import Person
from outreach.models import CourseCompletionCount, OutreachMission, SeniorBriefing, TrainingSession
from panel.models import PanelMeeting
from reports.models import Baseline
from reports.records.services import ImportRejected, records_import
from retaliation.models import RetaliationInquiry
from tests.queries import assert_queries_flat, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The messages below are asserted in English, whatever language an earlier test's request left active."""
    with translation.override("en"):
        yield


GOOD = [
    {"type": "entity", "code": "DM", "name": "Department of Management", "group": "secretariat"},
    {"type": "duty_station", "code": "NYC", "name": "New York", "headquarters": True},
    {"type": "entity", "code": "NEWENT", "name": "A new entity", "group": "other"},
    {"type": "service_request", "ref": "SR-11-0001", "received": "2011-08-03", "category": "advice",
     "advice_category": "outside_activities", "entity": "DM", "duty_station": "NYC"},
    {"type": "service_request", "ref": "SR-11-0002", "received": "2011-08-04", "category": "training",
     "entity": "NEWENT", "duty_station": "GVA"},
    {"type": "retaliation_inquiry", "ref": "PR-11-001", "received": "2011-09-01", "entity": "DM",
     "duty_station": "NYC", "kind": "protection_request", "review_outcome": "no_prima_facie",
     "review_completed": "2011-10-12", "investigation_completed": None, "retaliation_established": None},
    # The conflict comes before its filer: references resolve across the whole file.
    {"type": "conflict", "cycle": 2011, "person": "P000123", "kind": "outside_activity",
     "resolution": "approval_granted"},
    {"type": "conflict", "cycle": 2011, "person": "P000123", "kind": "outside_activity", "resolution": "recusal"},
    {"type": "filer", "cycle": 2011, "person": "P000123", "entity": "DM", "duty_station": "NYC", "grade": "D-1",
     "first_time": False, "filed": "2011-04-02", "verification_selected": True, "verification_complete": True},
    {"type": "filer", "cycle": 2011, "person": "P000999", "entity": "NEWENT", "duty_station": "NYC",
     "grade": "USG", "first_time": True, "filed": None, "verification_selected": False},
    {"type": "public_disclosure", "cycle": 2011, "person": "P000999", "choice": "full_disclosure"},
    {"type": "training_session", "ref": "TS-11-01", "date": "2011-10-04", "kind": "workshop",
     "duty_station": "NYC", "participants": 21},
    {"type": "course_completions", "course": "integrity_awareness", "period": "2011-2012", "count": 5300},
    {"type": "outreach_mission", "ref": "OM-11-01", "start": "2011-11-07", "end": "2011-11-11",
     "duty_station": "NBO", "staff_met": 140},
    {"type": "senior_briefing", "ref": "SB-11-01", "date": "2011-09-20"},
    {"type": "panel_meeting", "ref": "EP-11-01", "date": "2011-09-15"},
    {"type": "baseline", "period": "2006-2007", "metric": "service_requests", "value": 303},
]  # fmt: skip

MODELS = [
    ServiceRequest, AdviceRequest, RetaliationInquiry, Filer, FilingCycle, ConflictItem, PublicDisclosure,
    Person, TrainingSession, CourseCompletionCount, OutreachMission, SeniorBriefing, PanelMeeting, Baseline,
    AuditEvent,
]  # fmt: skip


def lines(records):
    return [json.dumps(r) for r in records]


def snapshot():
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in MODELS}


def test_a_good_file_becomes_ordinary_records_of_the_mandate_apps():
    """Every record type lands in its app's own tables, with one audit event for the import."""
    result = records_import(actor=None, lines=lines(GOOD))
    assert result.counts["service_request"]["created"] == 3
    request = ServiceRequest.objects.get(ref="SR-11-0001")
    assert request.channel == "import" and request.entity.code == "DM"
    assert request.advice.category.code == "outside_activities" and request.advice.status == "closed"
    inquiry = RetaliationInquiry.objects.get(service_request__ref="PR-11-001")
    assert (
        inquiry.service_request.category.code == "retaliation" and inquiry.review_outcome == "no_prima_facie"
    )
    filer = Filer.objects.get(cycle__year=2011, person__index_number="P000123")
    assert (
        filer.registered_on.isoformat() == "2011-03-01" and filer.cycle.deadline.isoformat() == "2011-05-31"
    )
    assert sorted(filer.conflicts.values_list("resolution", flat=True)) == ["approval_granted", "recusal"]
    assert PublicDisclosure.objects.get().choice == "full_disclosure"
    assert Filer.objects.get(person__index_number="P000999").filed_on is None
    assert Baseline.objects.get(period="2006-2007").value == 303
    assert AuditEvent.objects.filter(action=Action.IMPORT).count() == 1


def test_importing_the_same_file_again_changes_nothing():
    """The second run writes no row, updates no row and leaves no audit event."""
    records_import(actor=None, lines=lines(GOOD))
    before = snapshot()
    result = records_import(actor=None, lines=lines(GOOD))
    assert not result.changed
    assert snapshot() == before


def test_a_changed_value_updates_the_row_keyed_by_ref():
    """Re-importing with a new outcome updates that inquiry in place."""
    records_import(actor=None, lines=lines(GOOD))
    changed = [dict(r) for r in GOOD]
    changed[5]["review_outcome"] = "prima_facie"
    result = records_import(actor=None, lines=lines(changed))
    assert result.counts["retaliation_inquiry"] == {"created": 0, "updated": 1, "unchanged": 0}
    assert RetaliationInquiry.objects.get().review_outcome == "prima_facie"
    assert ServiceRequest.objects.count() == 3


def test_a_dry_run_counts_but_writes_nothing():
    """The dry run reports what would be created and leaves the database as it was."""
    before = snapshot()
    result = records_import(actor=None, lines=lines(GOOD), dry_run=True)
    assert result.counts["filer"]["created"] == 2
    assert snapshot() == before


BAD = {
    "bad JSON": ("{not json", "line", "JSON"),
    "unknown code": ({**GOOD[3], "ref": "SR-X-1", "entity": "NOPE"}, "entity", "entity code"),
    "unknown category": (
        {**GOOD[3], "ref": "SR-X-1", "advice_category": "astrology"},
        "advice_category",
        "advice category",
    ),
    "bad date": ({**GOOD[3], "ref": "SR-X-1", "received": "2011-02-30"}, "received", "ISO 8601"),
    "duplicate ref": (dict(GOOD[4], ref="SR-11-0001"), "ref", "line 4"),
    "conflict for a non-filer": (
        {"type": "conflict", "cycle": 2010, "person": "P000123", "kind": "financial_interest"},
        "person",
        "filer of the 2010 cycle",
    ),
    "unknown type": ({"type": "spreadsheet"}, "type", "one of"),
    "missing field": ({"type": "panel_meeting", "ref": "EP-1"}, "date", "required"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_each_kind_of_error_is_named_and_leaves_the_database_unchanged(case):
    """One bad line rejects the file; the error gives its line, field and what was expected."""
    bad, field, expected = BAD[case]
    records_import(actor=None, lines=lines(GOOD[:3]))  # something already there
    before = snapshot()
    file = [*lines(GOOD), bad if isinstance(bad, str) else json.dumps(bad)]
    with pytest.raises(ImportRejected) as caught:
        records_import(actor=None, lines=file)
    errors = caught.value.errors
    assert [(e.line, e.field) for e in errors] == [(len(file), field)], errors
    assert expected in errors[0].expected
    assert snapshot() == before


def test_every_error_in_a_file_is_reported_at_once():
    """Three bad lines give three errors, in line order."""
    file = [*lines(GOOD), "[]", json.dumps({**GOOD[3], "ref": "X", "received": "yesterday"}), "{"]
    with pytest.raises(ImportRejected) as caught:
        records_import(actor=None, lines=file)
    assert [e.line for e in caught.value.errors] == [len(GOOD) + 1, len(GOOD) + 2, len(GOOD) + 3]


def test_a_conflict_may_refer_to_a_filer_already_in_the_database():
    """The filer is resolved against what earlier imports stored."""
    records_import(actor=None, lines=lines(GOOD))
    more = {"type": "conflict", "cycle": 2011, "person": "P000123", "kind": "family_relationship"}
    records_import(actor=None, lines=lines([more]))
    assert ConflictItem.objects.filter(filer__person__index_number="P000123").count() == 3


def test_the_command_fails_with_the_error_list(tmp_path, capsys):
    """`import_records` exits non-zero and prints each error; nothing is written."""
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([*lines(GOOD), "{oops"]))
    with pytest.raises(CommandError):
        call_command("import_records", str(path))
    assert f"Line {len(GOOD) + 1}: line “{{oops”: expected one JSON object" in capsys.readouterr().err
    assert not ServiceRequest.objects.exists()


def test_the_command_imports_a_good_file(tmp_path, capsys):
    path = tmp_path / "good.jsonl"
    path.write_text("\n".join(lines(GOOD)))
    call_command("import_records", str(path))
    assert "Imported 17 records" in capsys.readouterr().out
    assert PanelMeeting.objects.filter(ref="EP-11-01").exists()


def test_the_import_costs_the_same_queries_for_few_and_many_lines():
    """Queries are per record type, never per line: 1 line or 50 the same, 3000 only a batch more."""
    size, refs = [0], itertools.count()

    def run(n=None):
        batch = [
            {"type": "panel_meeting", "ref": f"EP-{next(refs)}", "date": "2011-09-15"}
            for _ in range(size[0] if n is None else n)
        ]
        records_import(actor=None, lines=lines(batch))

    few = assert_queries_flat(run, lambda n: size.__setitem__(0, size[0] + n), what="lines")
    assert len(count_queries(lambda: run(3000))) <= few + 2  # bulk_create batches


def test_the_template_beside_the_upload_form_imports_as_it_is(client_for):
    """The downloadable template has one example line of every record type, and it imports."""
    from reports.records.schema import FIELDS

    response = client_for("admin").get(reverse("reports-import-template"))
    assert response.status_code == 200
    lines_ = response.content.decode().splitlines()
    assert {json.loads(line)["type"] for line in lines_} == set(FIELDS)
    result = records_import(actor=None, lines=lines_, dry_run=True)
    assert result.counts["filer"]["created"] == 1


def _filer_keys():
    return {
        f.person.index_number: (f.cycle.year, f.sort_entity, f.sort_name)
        for f in Filer.objects.select_related("person", "cycle").order_by("cycle__year")
    }


def test_imported_filers_carry_their_sort_keys_from_the_first_write():
    """The cycle page's sort keys are written with the filers: no second UPDATE of every new filer."""
    from django.db import connection

    def filer_rows_updated():  # by this transaction, as PostgreSQL counts them
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_get_xact_tuples_updated('disclosure_filer'::regclass)")
            return cursor.fetchone()[0]

    named = [
        {**r, "name": "Ana Filer"} if r.get("person") == "P000123" and r["type"] == "filer" else r
        for r in GOOD
    ]
    before = filer_rows_updated()
    records_import(actor=None, lines=lines(named))
    assert _filer_keys() == {"P000123": (2011, "DM", "Ana Filer"), "P000999": (2011, "NEWENT", "")}
    assert filer_rows_updated() == before


def test_a_name_filled_in_later_moves_the_sort_keys_of_the_earlier_cycles():
    """A person first imported without a name is named by a later file: all their filings follow."""
    records_import(actor=None, lines=lines(GOOD))
    filer_2012 = {**GOOD[8], "cycle": 2012, "name": "Named Later", "filed": "2012-04-02"}
    records_import(actor=None, lines=lines([filer_2012]))
    assert Person.objects.get(index_number="P000123").name == "Named Later"
    assert sorted(
        Filer.objects.filter(person__index_number="P000123").values_list("cycle__year", "sort_name")
    ) == [
        (2011, "Named Later"),
        (2012, "Named Later"),
    ]


def test_the_import_finds_existing_rows_by_a_unique_key():
    """Each key the import writes by is unique in the database, so new rows are inserted with
    ON CONFLICT DO NOTHING on that key's index (an anti-join against a table whose statistics say
    it is empty was planned as a scan of the rows the INSERT had written, for every row)."""
    from reports.records.copy import _unique

    keyed = [
        (ServiceRequest, ("ref",)), (AdviceRequest, ("service_request_id",)),
        (RetaliationInquiry, ("service_request_id",)), (FilingCycle, ("year",)),
        (Person, ("index_number",)), (Filer, ("cycle_id", "person_id")), (PublicDisclosure, ("filer_id",)),
        (TrainingSession, ("ref",)), (OutreachMission, ("ref",)), (SeniorBriefing, ("ref",)),
        (PanelMeeting, ("ref",)), (CourseCompletionCount, ("course", "period")), (Baseline, ("period", "metric")),
    ]  # fmt: skip
    assert [m.__name__ for m, key in keyed if not _unique(m, key)] == []
    assert not _unique(Filer, ("cycle_id",)) and not _unique(Filer, ("person_id", "entity_id"))


def _filer_inserts(run):
    """The INSERT statements into the filer table while `run()` runs (a straight COPY is none)."""
    from django.db import connection

    seen = []

    def probe(execute, sql, params, many, context):
        if sql.startswith('INSERT INTO "disclosure_filer"'):
            seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(probe):
        result = run()
    return result, len(seen)


def test_a_new_cycles_filers_copied_straight_in_equal_what_the_models_would_write():
    """A cycle the file creates has no filers yet: on PostgreSQL they are copied straight into the
    table. Every column the file does not carry holds the model's own default, as Filer() would."""
    from django.db import connection

    _, inserts = _filer_inserts(lambda: records_import(actor=None, lines=lines(GOOD)))
    filer = Filer.objects.get(person__index_number="P000999")
    fresh = Filer()
    carried = {"id", "cycle", "person", "entity", "duty_station", "grade", "first_time", "registered_on",
               "filed_on", "verification_selected", "verification_complete", "sort_entity", "sort_name",
               "created_at", "updated_at"}  # fmt: skip
    for field in Filer._meta.concrete_fields:
        if field.name not in carried:
            assert getattr(filer, field.attname) == getattr(fresh, field.attname), field.name
    assert filer.created_at and filer.updated_at and filer.registered_on.isoformat() == "2011-03-01"
    assert (filer.grade, filer.first_time, filer.filed_on, filer.verification_complete) == (
        "USG",
        True,
        None,
        None,
    )
    # A second file for the same cycle merges by key: one new filer, one changed, none twice.
    later = [
        {**GOOD[8], "filed": "2011-04-09"},
        {**GOOD[9], "person": "P000777", "name": "Third Filer"},
    ]
    result, merged_inserts = _filer_inserts(lambda: records_import(actor=None, lines=lines(later)))
    assert result.counts["filer"] == {"created": 1, "updated": 1, "unchanged": 0}
    assert Filer.objects.filter(cycle__year=2011).count() == 3
    assert str(Filer.objects.get(person__index_number="P000123").filed_on) == "2011-04-09"
    assert Filer.objects.filter(cycle__year=2011, sort_name="Third Filer").exists()
    if connection.vendor == "postgresql":
        assert (inserts, merged_inserts) == (0, 1)


def test_a_second_import_waits_for_the_first():
    """The import holds a transaction-level advisory lock: while another session holds it, an
    import waits (here until its lock timeout) and writes nothing; once released, it runs."""
    import psycopg2
    from django.db import OperationalError, connection

    from reports.records.services import IMPORT_LOCK

    if connection.vendor != "postgresql":
        pytest.skip("the lock is PostgreSQL's")
    params = connection.get_connection_params()
    other = psycopg2.connect(
        **{k: v for k, v in params.items() if k in ("dbname", "user", "host", "port", "password")}
    )
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [IMPORT_LOCK])
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout TO '300ms'")
        with pytest.raises(OperationalError, match="lock timeout"):
            records_import(actor=None, lines=lines(GOOD))
        assert not ServiceRequest.objects.filter(ref="SR-11-0001").exists()
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [IMPORT_LOCK])
        records_import(actor=None, lines=lines(GOOD))
        assert ServiceRequest.objects.filter(ref="SR-11-0001").exists()
    finally:
        other.close()
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout TO 0")
