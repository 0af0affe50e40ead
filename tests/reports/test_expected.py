"""With seed_demo's history, the 2011-2012 report states what A/67/306 states."""

import io
import json

import pytest
from django.core.management import call_command

from ethics_office.audit.models import Action, AuditEvent
from reports.queries import annual_report
from reports.records import demo

from .conftest import pointer

# The history is loaded once for the module (tests/reports/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_module_history")]


def test_the_2011_2012_report_matches_every_pointer_of_the_source(history, expected):
    """Every JSON pointer in a67-306-expected.json has the report's value; mismatches are listed."""
    report = annual_report("2011-2012")
    mismatches = []
    for path, value in expected["expected"].items():
        try:
            got = pointer(report, path)
        except (KeyError, IndexError, TypeError) as exc:
            got = f"missing ({exc!r})"
        if got != value or type(got) is not type(value):
            mismatches.append(f"{path}: expected {value!r}, got {got!r}")
    assert mismatches == []


def test_the_annex_rows_match_the_source_per_secretariat_entity(history, expected):
    """Each Secretariat entity of the annex has its required/filed/non-compliant counts; totals too."""
    report = annual_report("2011-2012")
    rows = {r["name"]: r for r in report["disclosure"]["compliance_by_entity"] if r["group"] == "secretariat"}
    mismatches = []
    for row in expected["secretariat_annex_2011"]:
        got = rows.get(row["name"])
        want = {k: row[k] for k in ("required", "filed", "non_compliant")}
        if got is None or {k: got[k] for k in want} != want:
            mismatches.append(f"{row['name']}: expected {want}, got {got}")
    assert mismatches == []
    assert len(rows) == len(expected["secretariat_annex_2011"])
    assert report["disclosure"]["compliance_by_group"] == expected["annex_totals_2011"]


def test_the_command_prints_the_same_json(history, capsysbinary):
    """`annual_report --period 2011-2012 --format json` prints the report to standard output."""
    call_command("annual_report", "--period", "2011-2012", "--format", "json")
    printed = json.loads(capsysbinary.readouterr().out)
    assert printed == json.loads(json.dumps(annual_report("2011-2012")))
    assert AuditEvent.objects.filter(
        action=Action.EXPORT, object_id="2011-2012", fields=["en", "json"]
    ).exists()


def test_seeding_the_history_twice_changes_nothing(history):
    """seed_demo is safe to run again: the second import creates and updates nothing."""
    before = annual_report("2011-2012")
    out = io.StringIO()
    demo.seed(out)
    assert "0 rows created" in out.getvalue()
    assert annual_report("2011-2012") == before


def test_the_shape_is_complete_for_a_period_without_data(db):
    """Every key is present; counts are 0 and comparisons null when nothing was recorded."""
    report = annual_report("1999-2000")
    assert report["service_requests"]["total"] == 0
    assert report["service_requests"]["previous_total"] is None
    assert report["service_requests"]["by_category"]["advice"] == 0
    assert report["service_requests"]["by_source"]["previous_away_pct"] is None
    assert report["advice"]["previous_by_category"] is None
    assert report["disclosure"]["resolutions"]["1998"]["total"]["recusal"] == 0
    assert report["disclosure"]["compliance_by_group"]["total"] == {
        "required": 0,
        "filed": 0,
        "non_compliant": 0,
    }
    assert report["outreach"]["course_completions"] == {"integrity_awareness": 0, "procurement_ethics": 0}
    assert report["panel"] == {"meetings": 0}
