"""One skeleton for every import of rows (CSV files, pasted lists): read, map each row,
collect every error, and save all of it or nothing.

Every error has one shape, `RowError(line, field, value, expected)`, shown as
"Line 3: grade “P-9”: expected one of: G, P-1, …". Lines are counted as a text editor and a
spreadsheet count them (the CSV header is line 1). `expected` says what is valid: the codes
themselves where there are few, or where to find them (the reference page) where there are many.
"""

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .errors import ValidationFailed

# csv's own limit (131072 characters) is also ours; we check it ourselves rather than change
# the process-wide csv.field_size_limit().
FIELD_LIMIT = 128 * 1024
FEW = 12  # up to this many valid codes are listed in the message itself, when no page lists them
VALUE_SHOWN = 60  # characters of a bad value repeated in its message


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    value: str
    expected: str

    def __str__(self):
        if self.value == "":
            return _("Line %(line)s: %(field)s is empty: expected %(expected)s") % {
                "line": self.line,
                "field": self.field,
                "expected": self.expected,
            }
        return _("Line %(line)s: %(field)s “%(value)s”: expected %(expected)s") % {
            "line": self.line,
            "field": self.field,
            "value": shown(self.value),
            "expected": self.expected,
        }


def shown(value) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= VALUE_SHOWN else text[: VALUE_SHOWN - 1] + "…"


def one_of(codes: Iterable[str]) -> str:
    return _("one of: %(codes)s") % {"codes": ", ".join(str(c) for c in codes)}


class RowsInvalid(ValidationFailed):
    """Some rows are wrong; nothing was saved. `rows` holds every RowError, and `errors` the
    same as text under the form field the rows came from (so a form shows them beside it)."""

    def __init__(self, rows: Sequence[RowError], *, field: str = "file", message=None):
        self.rows = sorted(rows, key=lambda e: (e.line, e.field))
        super().__init__(
            message
            or _(
                "%(n)s error(s) in the file; nothing was imported. Correct them and import the whole file again."
            )
            % {"n": len(self.rows)},
            errors={field: [str(e) for e in self.rows]},
        )
        self.field = field


@dataclass
class Row:
    """One row being mapped: its values (stripped) and the errors found in it."""

    line: int
    values: Mapping[str, str]
    errors: list[RowError] = field(default_factory=list)

    def __getitem__(self, name: str) -> str:
        return self.values.get(name, "")

    def fail(self, name: str, expected, value: str | None = None) -> None:
        self.errors.append(RowError(self.line, name, self[name] if value is None else value, str(expected)))

    def required(self, name: str) -> str | None:
        if not self[name]:
            self.fail(name, gettext_lazy("a value (the column is required)"))
            return None
        return self[name]

    def choice(self, name: str, codes: Iterable[str], *, reference: str = "") -> str | None:
        """A code from a known list; the message lists them when they are few, else points to `reference`."""
        codes = list(codes)
        if self[name] in codes:
            return self[name]
        self.fail(name, expected_code(codes, reference))
        return None

    def lookup(self, name: str, known: Mapping, *, reference: str, what: str = ""):
        """An object named by its code (entity, duty station, staff member ...)."""
        if self[name] in known:
            return known[self[name]]
        self.fail(name, expected_code(list(known), reference, what=what))
        return None


def expected_code(codes: Sequence[str], reference: str = "", *, what: str = "") -> str:
    """What is valid for a code: the codes themselves when there are few and no reference page
    lists them; the reference page when there is one; `what` for open sets (index numbers)."""
    if reference:
        if what:
            return _("%(what)s (the valid codes are listed at %(url)s)") % {"what": what, "url": reference}
        return _("a code listed at %(url)s") % {"url": reference}
    if what or len(codes) > FEW:
        return str(what or _("a known code"))
    return one_of(codes)


def read_csv(data: bytes | str, *, columns: Sequence[str] | Sequence[Sequence[str]], field: str = "file"):
    """(columns found, [(line, {column: stripped value})]) for a UTF-8 CSV whose header holds
    `columns` (or, given several column sets, any one of them). Blank lines are skipped."""
    if len(data) > settings.UPLOAD_MAX_BYTES:
        message = _("The file is larger than %(limit)s MB.") % {"limit": settings.UPLOAD_MAX_BYTES // 1048576}
        raise ValidationFailed(message, errors={field: [message]})
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            message = _("The file is not UTF-8 text.")
            raise ValidationFailed(message, errors={field: [message]}) from None
    if "\x00" in data:
        raise RowsInvalid(
            [RowError(_line_of(data, "\x00"), field, "\\0", _("text without NUL characters"))], field=field
        )
    reader = csv.reader(io.StringIO(data, newline=""), strict=False)
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        rows = []
        end = reader.line_num
        for values in reader:
            # A quoted field may span lines: a row is named by the line it starts on.
            start, end = end + 1, reader.line_num
            if not any(v.strip() for v in values):
                continue
            too_long = [i for i, v in enumerate(values) if len(v) > FIELD_LIMIT]
            if too_long:
                name = header[too_long[0]] if too_long[0] < len(header) else str(too_long[0] + 1)
                raise RowsInvalid(
                    [RowError(start, name, values[too_long[0]], _("at most 128 KiB of text"))],
                    field=field,
                )
            rows.append((start, {h: (v or "").strip() for h, v in zip(header, values, strict=False)}))
    except csv.Error as exc:
        raise RowsInvalid(
            [
                RowError(
                    reader.line_num, field, "", _("CSV text with no field longer than 128 KiB") + f" ({exc})"
                )
            ],
            field=field,
        ) from None
    sets = [columns] if columns and isinstance(columns[0], str) else list(columns)
    if not any(set(wanted) <= set(header) for wanted in sets):
        headers = "; ".join("“" + ",".join(wanted) + "”" for wanted in sets)
        raise RowsInvalid(
            [
                RowError(
                    1,
                    "header",
                    ",".join(header),
                    _("a header with the columns %(headers)s") % {"headers": headers},
                )
            ],
            field=field,
        )
    if not rows:
        raise RowsInvalid([RowError(2, field, "", _("at least one row under the header"))], field=field)
    return header, rows


def _line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


def rows_import(
    rows: Iterable[tuple[int, Mapping[str, str]]], map_row: Callable[[Row], object], *, field: str = "file"
):
    """Map every row with `map_row(row)`, which returns the row's value and records its errors
    with `row.fail()` (or `required`, `choice`, `lookup`). Returns every value, or raises
    RowsInvalid listing every error of every row — so a file is saved whole or not at all."""
    values, errors = [], []
    for line, data in rows:
        row = Row(line, data)
        value = map_row(row)
        if row.errors:
            errors.extend(row.errors)
        else:
            values.append(value)
    if errors:
        raise RowsInvalid(errors, field=field)
    return values


def lines_of(text: str, column: str) -> list[tuple[int, dict]]:
    """A pasted list, one value per line (commas also separate): [(line, {column: value})]."""
    return [
        (number, {column: part.strip()})
        for number, line in enumerate(text.splitlines(), start=1)
        for part in line.split(",")
        if part.strip()
    ]


def csv_template_response(filename: str, columns: Sequence[str], example: Sequence[str]) -> HttpResponse:
    """A CSV file with the header and one example row, to download beside an upload form."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerow(example)
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
