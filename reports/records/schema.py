"""The record types of the import (docs/import-format.md) and the
line-by-line checks that need nothing but the line itself.

`parse_lines` turns raw JSONL into `Record`s and a list of `RecordError`s; references
between records and to the database are resolved later, in `importer.py`.
"""

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ethics_office.base.rows import RowError
from reports import import_messages as msg

GROUPS = ("secretariat", "peacekeeping", "other")
GRADES = ("G", "P-1", "P-2", "P-3", "P-4", "P-5", "D-1", "D-2", "ASG", "USG")
INQUIRY_KINDS = ("protection_request", "policy_advice", "outside_mandate", "withdrawn")
REVIEW_OUTCOMES = ("pending", "prima_facie", "no_prima_facie", "closed")
CONFLICT_KINDS = ("financial_interest", "outside_activity", "family_relationship")
RESOLUTIONS = ("no_further_action", "approval_granted", "recusal", "managed_account", "other")
DISCLOSURE_CHOICES = ("full_disclosure", "confirmation", "declined")
TRAINING_KINDS = ("workshop", "briefing", "other")
COURSES = ("integrity_awareness", "procurement_ethics")
BASELINE_METRICS = ("service_requests",)
PERIOD_RE = re.compile(r"^(\d{4})-(\d{4})$")

try:  # optional: several times faster than json for the import's 60,000 lines
    import orjson as _orjson
except ImportError:  # pragma: no cover
    _orjson = None


@dataclass(frozen=True)
class RecordError(RowError):
    """A line's error: the shape of every import's errors (line, field, value, what is valid),
    shown as "Line 3: grade “P-9”: expected one of: G, P-1, …"."""

    @classmethod
    def of(cls, line: int, field: str, value, expected) -> "RecordError":
        return cls(line, field, json_value(value), str(expected))


def json_value(value) -> str:
    """A value as the file wrote it (strings bare, everything else as JSON)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):  # a checked date (an "end" before its "start")
        return value.isoformat()
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@dataclass
class Record:
    line: int
    type: str
    data: dict = field(default_factory=dict)


# Field kinds. Each checker returns (value, error message or None).
def _str(value):
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    return None, msg.NON_EMPTY


_CODE_RE = re.compile(r"[A-Za-z0-9_\-]{1,40}")


def _code(value):
    if isinstance(value, str) and _CODE_RE.fullmatch(value):
        return value, None
    return None, msg.CODE


def _date(value):
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value), None
        except ValueError:
            pass
    return None, msg.DATE


def _opt_date(value):
    if value is None:
        return None, None
    return _date(value)


def _bool(value):
    if isinstance(value, bool):
        return value, None
    return None, msg.BOOLEAN


def _opt_bool(value):
    if value is None:
        return None, None
    return _bool(value)


def _flag(value):
    """A yes/no field where null means no (a filer not selected is plainly not selected)."""
    if value is None:
        return False, None
    return _bool(value)


def _count(value):
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, None
    return None, msg.COUNT


def _year(value):
    if isinstance(value, int) and not isinstance(value, bool) and 1990 <= value <= 2100:
        return value, None
    return None, msg.YEAR


def _period(value):
    match = PERIOD_RE.match(value) if isinstance(value, str) else None
    if match and int(match.group(2)) == int(match.group(1)) + 1:
        return value, None
    return None, msg.PERIOD


def _choice(options):
    def check(value):
        if value in options:
            return value, None
        return None, msg.ONE_OF % {"options": ", ".join(options)}

    check.options = options
    return check


def _opt(check):
    def inner(value):
        if value is None:
            return None, None
        return check(value)

    inner.inner = check
    return inner


# type -> {field: (checker, required)}. Category codes are reference data: checked
# against the database in the importer, so here they are only codes.
FIELDS = {
    "entity": {
        "code": (_code, True),
        "name": (_str, True),
        "name_zh": (_opt(_str), False),
        "group": (_choice(GROUPS), True),
    },
    "duty_station": {
        "code": (_code, True),
        "name": (_str, True),
        "name_zh": (_opt(_str), False),
        "headquarters": (_flag, False),
    },
    "service_request": {
        "ref": (_str, True),
        "received": (_date, True),
        "category": (_code, True),
        "advice_category": (_opt(_code), False),
        "entity": (_opt(_code), False),
        "duty_station": (_opt(_code), False),
    },
    "retaliation_inquiry": {
        "ref": (_str, True),
        "received": (_date, True),
        "entity": (_opt(_code), False),
        "duty_station": (_opt(_code), False),
        "kind": (_choice(INQUIRY_KINDS), True),
        "review_outcome": (_opt(_choice(REVIEW_OUTCOMES)), False),
        "review_completed": (_opt_date, False),
        "investigation_completed": (_opt_date, False),
        "retaliation_established": (_opt_bool, False),
    },
    "filer": {
        "cycle": (_year, True),
        "person": (_code, True),
        "name": (_opt(_str), False),
        "entity": (_code, True),
        "duty_station": (_code, True),
        "grade": (_choice(GRADES), True),
        "first_time": (_flag, False),
        "registered": (_opt_date, False),
        "filed": (_opt_date, False),
        "verification_selected": (_flag, False),
        "verification_complete": (_opt_bool, False),
    },
    "conflict": {
        "cycle": (_year, True),
        "person": (_code, True),
        "kind": (_choice(CONFLICT_KINDS), True),
        "resolution": (_opt(_choice(RESOLUTIONS)), False),
    },
    "public_disclosure": {
        "cycle": (_year, True),
        "person": (_code, True),
        "choice": (_choice(DISCLOSURE_CHOICES), True),
        "name": (_opt(_str), False),
    },
    "training_session": {
        "ref": (_str, True),
        "date": (_date, True),
        "kind": (_choice(TRAINING_KINDS), True),
        "duty_station": (_opt(_code), False),
        "participants": (_count, False),
    },
    "course_completions": {
        "course": (_choice(COURSES), True),
        "period": (_period, True),
        "count": (_count, True),
    },
    "outreach_mission": {
        "ref": (_str, True),
        "start": (_date, True),
        "end": (_date, True),
        "duty_station": (_code, True),
        "staff_met": (_count, False),
    },
    "senior_briefing": {"ref": (_str, True), "date": (_date, True)},
    "panel_meeting": {"ref": (_str, True), "date": (_date, True)},
    "baseline": {
        "period": (_period, True),
        "metric": (_choice(BASELINE_METRICS), True),
        "value": (_count, True),
    },
}

# One line of each record type, consistent with each other: the template beside the upload
# form (it imports as it is). Codes of entities and duty stations come from the file itself.
EXAMPLES = [
    {"type": "entity", "code": "XMPL", "name": "Example entity", "name_zh": "示例实体", "group": "other"},
    {"type": "duty_station", "code": "XMPLDS", "name": "Example duty station", "headquarters": False},
    {
        "type": "service_request",
        "ref": "SR-EXAMPLE-1",
        "received": "2011-08-03",
        "category": "advice",
        "advice_category": "outside_activities",
        "entity": "XMPL",
        "duty_station": "XMPLDS",
    },
    {
        "type": "retaliation_inquiry",
        "ref": "PR-EXAMPLE-1",
        "received": "2011-09-01",
        "entity": "XMPL",
        "duty_station": "XMPLDS",
        "kind": "protection_request",
        "review_outcome": "no_prima_facie",
        "review_completed": "2011-10-12",
        "investigation_completed": None,
        "retaliation_established": None,
    },
    {
        "type": "filer",
        "cycle": 2011,
        "person": "X0000001",
        "name": "Example Filer",
        "entity": "XMPL",
        "duty_station": "XMPLDS",
        "grade": "ASG",
        "first_time": False,
        "registered": "2011-03-01",
        "filed": "2011-04-02",
        "verification_selected": True,
        "verification_complete": True,
    },
    {
        "type": "conflict",
        "cycle": 2011,
        "person": "X0000001",
        "kind": "outside_activity",
        "resolution": "recusal",
    },
    {"type": "public_disclosure", "cycle": 2011, "person": "X0000001", "choice": "confirmation"},
    {
        "type": "training_session",
        "ref": "TS-EXAMPLE-1",
        "date": "2011-10-04",
        "kind": "workshop",
        "duty_station": "XMPLDS",
        "participants": 21,
    },
    {"type": "course_completions", "course": "integrity_awareness", "period": "2011-2012", "count": 5300},
    {
        "type": "outreach_mission",
        "ref": "OM-EXAMPLE-1",
        "start": "2011-11-07",
        "end": "2011-11-11",
        "duty_station": "XMPLDS",
        "staff_met": 140,
    },
    {"type": "senior_briefing", "ref": "SB-EXAMPLE-1", "date": "2011-09-20"},
    {"type": "panel_meeting", "ref": "EP-EXAMPLE-1", "date": "2011-09-15"},
    {"type": "baseline", "period": "2006-2007", "metric": "service_requests", "value": 303},
]


DEFAULTS = {
    "duty_station": {"headquarters": False},
    "filer": {"first_time": False, "verification_selected": False},
    "training_session": {"participants": 0},
    "outreach_mission": {"staff_met": 0},
}


# Per record type, one function compiled from FIELDS that checks a whole line at once and
# returns its data, or None when anything is off: that line then goes through the field-by-field
# checks below, which name every error. It accepts exactly what those checks accept (or less),
# so the errors and the data are the same; it only spares the common, valid line a call per field.
def _inline(check) -> list[str]:
    """Source lines checking `v` (and converting it as the checker does); `return None` on failure."""
    if hasattr(check, "inner"):
        return ["if v is not None:", *("    " + line for line in _inline(check.inner))]
    if hasattr(check, "options"):
        options = "{" + ", ".join(repr(o) for o in check.options) + "}"  # a constant frozenset
        return [f"if type(v) is not str or v not in {options}: return None"]
    templates = {
        _str: ["if type(v) is not str: return None", "v = v.strip()", "if not v: return None"],
        _code: ["if type(v) is not str or _code_match(v) is None: return None"],
        _date: [
            "if type(v) is not str: return None",
            "try:",
            "    v = _fromiso(v)",
            "except ValueError:",
            "    return None",
        ],
        _bool: ["if type(v) is not bool: return None"],
        _count: ["if type(v) is not int or v < 0: return None"],
        _year: ["if type(v) is not int or not 1990 <= v <= 2100: return None"],
        _period: [
            "if type(v) is not str: return None",
            "m = _period_match(v)",
            "if m is None or int(m.group(2)) != int(m.group(1)) + 1: return None",
        ],
        _flag: ["if v is None:", "    v = False", "elif type(v) is not bool: return None"],
    }
    if check is _opt_date:
        return ["if v is not None:", *("    " + line for line in templates[_date])]
    if check is _opt_bool:
        return ["if v is not None:", *("    " + line for line in templates[_bool])]
    return templates[check]


def _compile(rtype: str, spec: dict):
    body = ["def check(obj):", "    if not obj.keys() <= _allowed: return None"]
    body.append(f"    data = {DEFAULTS.get(rtype, {})!r}")
    for name, (check, required) in spec.items():
        if required:
            body += [f"    if {name!r} not in obj: return None", f"    v = obj[{name!r}]"]
            indent = "    "
        else:
            body += [f"    if {name!r} in obj:", f"        v = obj[{name!r}]"]
            indent = "        "
        body += [indent + line for line in _inline(check)]
        body.append(f"{indent}data[{name!r}] = v")
    body.append("    return data")
    namespace = {
        "_allowed": frozenset(spec) | {"type"},
        "_code_match": _CODE_RE.fullmatch,
        "_fromiso": dt.date.fromisoformat,
        "_period_match": PERIOD_RE.match,
    }
    exec("\n".join(body), namespace)  # noqa: S102 - source built above from FIELDS only
    return namespace["check"]


CHECK_LINE = {rtype: _compile(rtype, spec) for rtype, spec in FIELDS.items()}


def _loads(raw: str):
    """orjson when installed (several times faster); anything it refuses goes through the
    standard library, which decides as before (it also accepts NaN and integers beyond 64 bits)."""
    if _orjson is not None:
        try:
            return _orjson.loads(raw)
        except ValueError:
            pass
    return json.loads(raw)


def key_of(record: Record):
    """The identity a record is upserted by (duplicates within a file are errors)."""
    d, t = record.data, record.type
    if t in ("entity", "duty_station"):
        return (t, d["code"])
    if t in ("service_request", "retaliation_inquiry"):
        return ("service_request", d["ref"])  # one register: the refs share a namespace
    if t in ("filer", "public_disclosure"):
        return (t, d["cycle"], d["person"])
    if t == "course_completions":
        return (t, d["course"], d["period"])
    if t == "baseline":
        return (t, d["period"], d["metric"])
    if t == "conflict":
        return None  # a filer may declare several conflicts of a kind; keyed by position
    return (t, d["ref"])


def parse_lines(lines: Iterable[str], progress=None) -> tuple[list[Record], list[RecordError]]:
    """Every line checked; `progress(fraction done)` every 5,000 lines when given."""
    records: list[Record] = []
    errors: list[RecordError] = []
    seen: dict[tuple, int] = {}
    total = len(lines) if progress is not None and hasattr(lines, "__len__") else 0
    for number, raw in enumerate(lines, start=1):
        if total and number % 5000 == 0:
            progress(number / total)
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                errors.append(RecordError.of(number, "line", "", msg.UTF8))
                continue
        if not raw.strip():
            continue
        try:
            obj = _loads(raw)
        except (ValueError, RecursionError):  # RecursionError: brackets nested deeper than any record
            errors.append(RecordError.of(number, "line", raw.strip()[:60], msg.JSON_OBJECT))
            continue
        if not isinstance(obj, dict):
            errors.append(RecordError.of(number, "line", raw.strip()[:60], msg.JSON_OBJECT))
            continue
        rtype = obj.get("type")
        spec = FIELDS.get(rtype) if isinstance(rtype, str) else None
        if spec is None:
            errors.append(RecordError.of(number, "type", rtype, msg.ONE_OF % {"options": ", ".join(FIELDS)}))
            continue
        data = CHECK_LINE[rtype](obj)
        if data is None:
            if _orjson is not None:
                # The errors show the values as the standard library reads them (orjson turns an
                # integer beyond 64 bits into a float), so they stay what they always were.
                obj = json.loads(raw)
            data, ok = _check_fields(number, obj, rtype, spec, errors)
            if not ok:
                continue
        record = Record(number, rtype, data)
        problem = _line_rules(record)
        if problem:
            name, expected = problem
            errors.append(RecordError.of(number, name, data.get(name), expected))
            continue
        key = key_of(record)
        if key is not None:
            if key in seen:
                name = _key_field(rtype)
                errors.append(
                    RecordError.of(number, name, data.get(name), msg.DUPLICATE % {"line": seen[key]})
                )
                continue
            seen[key] = number
        records.append(record)
    return records, errors


def _check_fields(number, obj, rtype, spec, errors):
    """Field by field, every error named: (data, whether the line passed)."""
    data = dict(DEFAULTS.get(rtype, {}))
    ok = True
    for name in obj:
        if name != "type" and name not in spec:
            errors.append(RecordError.of(number, name, obj[name], msg.UNKNOWN_FIELD))
            ok = False
    for name, (check, required) in spec.items():
        if name not in obj:
            if required:
                errors.append(RecordError.of(number, name, "", msg.REQUIRED))
                ok = False
            continue
        value, problem = check(obj[name])
        if problem is not None:
            errors.append(RecordError.of(number, name, obj[name], problem))
            ok = False
        else:
            data[name] = value
    return data, ok


def _key_field(rtype: str) -> str:
    if rtype in ("entity", "duty_station"):
        return "code"
    if rtype in ("filer", "public_disclosure"):
        return "person"
    if rtype == "course_completions":
        return "course"
    if rtype == "baseline":
        return "period"
    return "ref"


def _line_rules(record: Record):
    """Rules across fields of one line: (field, expected) or None."""
    d = record.data
    if record.type == "service_request":
        if d["category"] == "advice" and not d.get("advice_category"):
            return "advice_category", str(msg.ADVICE_CATEGORY_REQUIRED)
        if d["category"] != "advice" and d.get("advice_category"):
            return "advice_category", str(msg.ADVICE_CATEGORY_UNEXPECTED)
    if record.type == "retaliation_inquiry":
        outcome = d.get("review_outcome")
        if d["kind"] != "protection_request" and outcome not in (None, "pending", "closed"):
            return "review_outcome", str(msg.OUTCOME_UNEXPECTED)
        if d.get("review_completed") and outcome in (None, "pending"):
            return "review_outcome", str(msg.OUTCOME_REQUIRED)
        if d.get("retaliation_established") is not None and not d.get("investigation_completed"):
            return "investigation_completed", str(msg.INVESTIGATION_DATE_REQUIRED)
    if record.type == "outreach_mission" and d["end"] < d["start"]:
        return "end", str(msg.END_AFTER_START)
    if record.type == "filer" and not d.get("verification_selected"):
        # Not selected means not verified: false says the same as null; only true contradicts it.
        if d.get("verification_complete") is True:
            return "verification_complete", str(msg.VERIFICATION_UNEXPECTED)
        d["verification_complete"] = None
    return None
