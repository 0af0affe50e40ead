"""Online course completions imported from the learning system's CSV export."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.gates import require_office
from ethics_office.base.rows import Row, read_csv, rows_import
from ethics_office.organisation.models import Person

from ..models import (
    Course,
    CourseCompletion,
    CourseCompletionCount,
)
from .common import period_of

# --- online course completions -------------------------------------------------------------

PERSON_COLUMNS = ("course", "index_number", "completed_on")
COUNT_COLUMNS = ("course", "period", "count")
# What the download beside the upload form holds: the header and one example row of each kind.
PERSON_TEMPLATE = (PERSON_COLUMNS, ("integrity_awareness", "123456", "2012-03-15"))
COUNT_TEMPLATE = (COUNT_COLUMNS, ("integrity_awareness", "2011-2012", "1250"))


@dataclass
class ImportResult:
    kind: str  # "per_person" or "counts"
    rows: int
    created: int
    skipped: int


def _valid_period(period: str) -> bool:
    return (
        len(period) == 9
        and period[4] == "-"
        and period[:4].isascii()
        and period[:4].isdigit()
        and period[5:].isascii()
        and period[5:].isdigit()
        and int(period[5:]) == int(period[:4]) + 1
    )


def _date(text: str):
    try:
        return parse_date(text)
    except ValueError:
        return None


def _per_person_row(people: dict, seen: set):
    def map_row(row: Row):
        course = row.choice("course", Course.values)
        person = row.lookup(
            "index_number", people, reference="", what=_("the index number of a recorded staff member")
        )
        day = _date(row["completed_on"])
        if day is None:
            row.fail("completed_on", _("a date such as 2012-03-15 (YYYY-MM-DD)"))
        elif day > timezone.localdate():
            row.fail("completed_on", _("a date not in the future"))
        key = (course, row["index_number"], day)
        if not row.errors and key in seen:
            row.fail("completed_on", _("a completion not already given on an earlier line"))
        seen.add(key)
        return course, person, day

    return map_row


def _count_row(seen: set):
    def map_row(row: Row):
        course = row.choice("course", Course.values)
        period = row["period"]
        if not _valid_period(period):
            row.fail("period", _("a period such as 2011-2012"))
        raw = row["count"]
        count = int(raw) if raw.isascii() and raw.isdigit() else None
        if count is None:
            row.fail("count", _("a whole number, zero or more"))
        key = (course, period)
        if not row.errors and key in seen:
            row.fail("period", _("a course and period not already given on an earlier line"))
        seen.add(key)
        return course, period, count

    return map_row


def _per_person_save(parsed) -> tuple[int, int]:
    """Save new completions (skipping those already recorded) and add them to the period counts."""
    existing = set(
        CourseCompletion.objects.filter(person__in=[p for _c, p, _d in parsed]).values_list(
            "course", "person_id", "completed_on"
        )
    )
    new = [
        CourseCompletion(course=course, person=person, completed_on=day)
        for course, person, day in parsed
        if (course, person.pk, day) not in existing
    ]
    CourseCompletion.objects.bulk_create(new)
    _counts_add(new)
    return len(new), len(parsed) - len(new)


def _counts_add(completions) -> None:
    """The report reads the per-period counts: new completions add to them."""
    added: dict[tuple[str, str], int] = {}
    for c in completions:
        key = (c.course, period_of(c.completed_on))
        added[key] = added.get(key, 0) + 1
    for (course, period), n in added.items():
        counter, made = CourseCompletionCount.objects.get_or_create(
            course=course, period=period, defaults={"count": n}
        )
        if not made:
            CourseCompletionCount.objects.filter(pk=counter.pk).update(count=F("count") + n)


def _counts_save(parsed) -> int:
    for course, period, count in parsed:
        CourseCompletionCount.objects.update_or_create(
            course=course, period=period, defaults={"count": count}
        )
    return len(parsed)


@transaction.atomic
def course_completions_import(*, actor, data: bytes | str) -> ImportResult:
    """Import the learning system's CSV export: either one row per completion
    (course, index_number, completed_on) or one row per period (course, period, count).

    Every row is checked first; any error raises RowsInvalid listing each one ("Line N" as the
    file counts lines, the header being line 1), and nothing is saved. Per-person rows
    already imported are skipped and add nothing to the period counts."""
    require_office(actor)
    header, rows = read_csv(data, columns=[PERSON_COLUMNS, COUNT_COLUMNS])
    seen: set = set()
    if set(PERSON_COLUMNS) <= set(header):
        kind = "per_person"
        wanted = {values.get("index_number", "") for _line, values in rows}
        people = {p.index_number: p for p in Person.objects.filter(index_number__in=wanted)}
        parsed = rows_import(rows, _per_person_row(people, seen))
        created, skipped = _per_person_save(parsed)
    else:
        kind = "counts"
        parsed = rows_import(rows, _count_row(seen))
        created, skipped = _counts_save(parsed), 0
    audit_record(
        actor=actor,
        action=Action.IMPORT,
        object_type="outreach.coursecompletion",
        fields=["course", "period", "count"] if kind == "counts" else ["course", "person", "completed_on"],
        changes={"rows": (None, len(rows)), "created": (None, created), "skipped": (None, skipped)},
    )
    return ImportResult(kind=kind, rows=len(rows), created=created, skipped=skipped)
