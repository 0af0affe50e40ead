"""Online course completions imported from the learning system's CSV export."""

import csv
import io
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ValidationFailed
from ethics_office.base.gates import require_office
from ethics_office.organisation.models import Person

from ..models import (
    Course,
    CourseCompletion,
    CourseCompletionCount,
)
from ._common import period_of

# --- online course completions -------------------------------------------------------------

PERSON_COLUMNS = ("course", "index_number", "completed_on")
COUNT_COLUMNS = ("course", "period", "count")


@dataclass
class ImportResult:
    kind: str  # "per_person" or "counts"
    rows: int
    created: int
    skipped: int


def _read_csv(data: bytes | str) -> tuple[list[str], list[dict]]:
    if len(data) > settings.UPLOAD_MAX_BYTES:
        message = _("The file is larger than %(limit)s MB.") % {"limit": settings.UPLOAD_MAX_BYTES // 1048576}
        raise ValidationFailed(message, errors={"file": [message]})
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationFailed(
                _("The file is not UTF-8 text."), errors={"file": [_("The file is not UTF-8 text.")]}
            ) from None
    reader = csv.DictReader(io.StringIO(data))
    fields = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
    reader.fieldnames = fields
    return fields, list(reader)


@transaction.atomic
def course_completions_import(*, actor, data: bytes | str) -> ImportResult:
    """Import the learning system's CSV export: either one row per completion
    (course, index_number, completed_on) or one row per period (course, period, count).

    Every row is checked first; any error raises ValidationFailed listing each bad row by its
    line number in the file (the header is line 1), and nothing is saved. Per-person rows
    already imported are skipped and add nothing to the period counts."""
    require_office(actor)
    fields, rows = _read_csv(data)
    if set(PERSON_COLUMNS) <= set(fields):
        kind = "per_person"
    elif set(COUNT_COLUMNS) <= set(fields):
        kind = "counts"
    else:
        message = _("The header must be “%(a)s” or “%(b)s”.") % {
            "a": ",".join(PERSON_COLUMNS),
            "b": ",".join(COUNT_COLUMNS),
        }
        raise ValidationFailed(message, errors={"line 1": [message]})
    if not rows:
        raise ValidationFailed(_("The file has no rows."), errors={"file": [_("The file has no rows.")]})

    errors: dict[str, list[str]] = {}
    parsed = []
    people = {}
    if kind == "per_person":
        wanted = {(r.get("index_number") or "").strip() for r in rows}
        people = {p.index_number: p for p in Person.objects.filter(index_number__in=wanted)}
    seen = set()
    for line, row in enumerate(rows, start=2):
        problems = []
        course = (row.get("course") or "").strip()
        if course not in Course.values:
            problems.append(_("unknown course “%(c)s”") % {"c": course})
        if kind == "per_person":
            index = (row.get("index_number") or "").strip()
            person = people.get(index)
            if person is None:
                problems.append(_("no staff member with index number “%(i)s”") % {"i": index})
            try:
                day = parse_date((row.get("completed_on") or "").strip())
            except ValueError:
                day = None
            if day is None:
                problems.append(_("completed_on is not a date (YYYY-MM-DD)"))
            elif day > timezone.localdate():
                problems.append(_("completed_on is in the future"))
            key = (course, index, day)
            if not problems and key in seen:
                problems.append(_("the same completion appears twice in the file"))
            seen.add(key)
            parsed.append((course, person, day))
        else:
            period = (row.get("period") or "").strip()
            valid_period = (
                len(period) == 9
                and period[4] == "-"
                and period[:4].isdigit()
                and period[5:].isdigit()
                and int(period[5:]) == int(period[:4]) + 1
            )
            if not valid_period:
                problems.append(_("period must look like 2011-2012"))
            raw = (row.get("count") or "").strip()
            count = int(raw) if raw.isdigit() else None
            if count is None:
                problems.append(_("count must be a whole number"))
            key = (course, period)
            if not problems and key in seen:
                problems.append(_("the same course and period appear twice in the file"))
            seen.add(key)
            parsed.append((course, period, count))
        if problems:
            errors[_("line %(n)s") % {"n": line}] = problems
    if errors:
        raise ValidationFailed(
            _("%(n)s row(s) have errors; nothing was imported.") % {"n": len(errors)}, errors=errors
        )

    created = skipped = 0
    if kind == "per_person":
        existing = set(
            CourseCompletion.objects.filter(person__in=[p for _c, p, _d in parsed]).values_list(
                "course", "person_id", "completed_on"
            )
        )
        added_per_period: dict[tuple[str, str], int] = {}
        new = []
        for course, person, day in parsed:
            if (course, person.pk, day) in existing:
                skipped += 1
                continue
            new.append(CourseCompletion(course=course, person=person, completed_on=day))
            key = (course, period_of(day))
            added_per_period[key] = added_per_period.get(key, 0) + 1
        CourseCompletion.objects.bulk_create(new)
        created = len(new)
        # The report reads the per-period counts: new completions add to them.
        for (course, period), n in added_per_period.items():
            counter, made = CourseCompletionCount.objects.get_or_create(
                course=course, period=period, defaults={"count": n}
            )
            if not made:
                CourseCompletionCount.objects.filter(pk=counter.pk).update(count=F("count") + n)
    else:
        for course, period, count in parsed:
            CourseCompletionCount.objects.update_or_create(
                course=course, period=period, defaults={"count": count}
            )
            created += 1
    audit_record(
        actor=actor,
        action=Action.IMPORT,
        object_type="outreach.coursecompletion",
        fields=["course", "period", "count"] if kind == "counts" else ["course", "person", "completed_on"],
        changes={"rows": (None, len(rows)), "created": (None, created), "skipped": (None, skipped)},
    )
    return ImportResult(kind=kind, rows=len(rows), created=created, skipped=skipped)
