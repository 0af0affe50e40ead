"""The records import's bulk path on PostgreSQL: COPY into a temporary table, then set-based SQL.

Building 100,000 model instances and sending them through `bulk_create` / `bulk_update` spent
most of an import in Python (Model.__init__, per-object value preparation) and in thousands of
parameterised statements. Here each record type costs one COPY and three statements:

1. COPY the file's rows (keys and values, as text) into `pg_temp.import_<n>`;
2. UPDATE the target FROM the temporary table where a compared value differs (IS DISTINCT FROM,
   so NULLs compare as values) — an unchanged row is never written;
3. INSERT ... SELECT the rows whose key is not in the target yet, with the model's defaults for
   the columns the import does not carry (computed once, as Django would for one new row);
4. SELECT the primary keys by joining on the keys.

Everything runs inside the import's transaction: a failure anywhere still rolls back the whole
file, and the temporary table is dropped at once (ON COMMIT DROP covers the rest).
"""

import datetime as dt
import itertools
from decimal import Decimal
from io import StringIO

from django.db import connection
from django.utils import timezone

from ethics_office.base.crypto import EncryptedJSONField, EncryptedTextField

_counter = itertools.count()


def copyable(model) -> bool:
    """An encrypted column with a non-empty default would need a token per row: such a model
    keeps the ORM path. (Encrypted columns default to empty, which stays empty, in every
    model the import writes; none of them is among the imported values.)"""
    for field in model._meta.concrete_fields:
        encrypted = isinstance(field, EncryptedTextField | EncryptedJSONField)
        if encrypted and field.has_default() and field.get_default() not in ("", None):
            return False
    return True


def _escape(value: str) -> str:
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return value


# The common types by exact type (one dict lookup per value); anything else through _text.
_FAST = {
    str: _escape,
    int: str,
    bool: lambda v: "t" if v else "f",
    type(None): lambda v: "\\N",
    dt.date: dt.date.isoformat,
}


def _text(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _copy(cursor, table: str, columns: list[str], lines: StringIO) -> None:
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    raw = cursor.cursor
    if hasattr(raw, "copy_expert"):  # psycopg2
        raw.copy_expert(sql, lines)
    else:  # psycopg 3
        with raw.copy(sql) as copy:
            copy.write(lines.getvalue())


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _unique(model, key_fields) -> bool:
    """Whether the key columns are exactly a unique column or an unconditional unique constraint."""
    meta = model._meta
    wanted = set(key_fields)
    by_name = {f.name: f.attname for f in meta.concrete_fields}
    if len(wanted) == 1:
        field = next((f for f in meta.concrete_fields if f.attname in wanted), None)
        if field is not None and (field.unique or field.primary_key):
            return True
    for constraint in meta.total_unique_constraints:
        if {by_name.get(name, name) for name in constraint.fields} == wanted and not constraint.deferrable:
            return True
    return any({by_name.get(n, n) for n in together} == wanted for together in meta.unique_together)


def copy_upsert(model, key_fields, rows: dict, stats, rtype: str, create_only=(), fetch=()) -> dict:
    """Returns {key: pk}, or {key: (pk, *values of the `fetch` columns)} when `fetch` is given."""
    meta = model._meta
    by_attname = {f.attname: f for f in meta.concrete_fields}
    value_fields = sorted({f for values in rows.values() for f in values})
    compared = [f for f in value_fields if f not in create_only]
    # A field absent from some rows is left alone on those rows (and defaulted when creating).
    partial = [f for f in value_fields if any(f not in values for values in rows.values())]
    for name in compared:
        if isinstance(by_attname[name], EncryptedTextField | EncryptedJSONField):
            raise ValueError(f"{meta.label}.{name} is encrypted and cannot be compared in SQL")
    table = _q(meta.db_table)
    temp = f"import_{next(_counter)}"
    columns = list(key_fields) + value_fields
    column_defs = [f"{_q(c)} {by_attname[c].db_type(connection)}" for c in columns] + [
        f"{_q('has_' + c)} boolean" for c in partial
    ]

    def col(name):
        return _q(by_attname[name].column)

    # A composite key's first column takes few values (a filer's cycle): the joins against the
    # target are narrowed to the rows with those values, so a new cycle's 45,000 filers are not
    # hash-joined against the 400,000 filers of the other cycles to find that none matches.
    narrow, narrow_params = "", []
    if len(key_fields) > 1:
        leading = sorted({key[0] for key in rows})
        if len(leading) <= 50:
            narrow, narrow_params = f" AND t.{_q(by_attname[key_fields[0]].column)} = ANY(%s)", [leading]

    def joined():
        return " AND ".join(f"t.{col(k)} = s.{_q(k)}" for k in key_fields) + narrow

    def source(name):
        if name in partial:
            return f"CASE WHEN s.{_q('has_' + name)} THEN s.{_q(name)} ELSE t.{col(name)} END"
        return f"s.{_q(name)}"

    with connection.cursor() as cursor:
        if narrow and not fetch:
            direct = _copy_new(cursor, model, key_fields, rows, partial, value_fields, narrow_params[0])
            if direct is not None:
                stats.add(rtype, created=len(rows))
                return direct
        cursor.execute(f"CREATE TEMPORARY TABLE {temp} ({', '.join(column_defs)}) ON COMMIT DROP")
        buffer = _temp_text(rows, value_fields, partial)
        _copy(cursor, temp, [_q(c) for c in columns] + [_q("has_" + c) for c in partial], buffer)
        # A temporary table has no statistics until analysed; with them the three joins against
        # the target (hundreds of thousands of filers by the tenth year) get a hash join, not a guess.
        cursor.execute(f"ANALYZE {temp}")
        updated = 0
        if compared:
            differs = " OR ".join(
                (f"(s.{_q('has_' + f)} AND " if f in partial else "(")
                + f"t.{col(f)} IS DISTINCT FROM s.{_q(f)})"
                for f in compared
            )
            sets = [f"{col(f)} = {source(f)}" for f in compared]
            params = []
            if "updated_at" in by_attname:
                sets.append(f"{col('updated_at')} = %s")
                params.append(timezone.now())
            cursor.execute(
                f"UPDATE {table} t SET {', '.join(sets)} FROM {temp} s WHERE {joined()} AND ({differs})",
                params + narrow_params,
            )
            updated = cursor.rowcount
        insert_columns, select, params = _insert_columns(model, columns, partial)
        if _unique(model, key_fields):
            # The key's unique index finds the rows already there as it inserts. An anti-join
            # against the table instead can be planned, when the table's statistics say it is
            # empty (a new database, a first cycle), as a nested loop that scans the rows this
            # same INSERT has written for every row it writes: 45,000 filers took 13-38 s.
            keys = ", ".join(col(k) for k in key_fields)
            new_only = f"ON CONFLICT ({keys}) DO NOTHING"
        else:
            new_only = f"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {joined()})"
            params = params + narrow_params
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(insert_columns)}) SELECT {', '.join(select)} FROM {temp} s {new_only}",
            params,
        )
        created = cursor.rowcount
        key_list = ", ".join(f"t.{col(k)}" for k in (*key_fields, *fetch))
        cursor.execute(
            f"SELECT t.{_q(meta.pk.column)}, {key_list} FROM {table} t JOIN {temp} s ON {joined()}",
            narrow_params,
        )
        width = len(key_fields)
        if fetch:
            pks = {tuple(row[1 : 1 + width]): (row[0], *row[1 + width :]) for row in cursor.fetchall()}
        else:
            pks = {tuple(row[1:]): row[0] for row in cursor.fetchall()}
        cursor.execute(f"DROP TABLE {temp}")
    stats.add(rtype, created=created, updated=updated, unchanged=len(rows) - created - updated)
    return pks


def _temp_text(rows, value_fields, partial) -> StringIO:
    """The temporary table's COPY text: keys, values, then whether each partial field was given."""
    buffer = StringIO()
    write = buffer.write
    fast, text = _FAST.get, _text
    for key, values in rows.items():
        get = values.get
        cells = [fast(type(v), text)(v) for v in (*key, *[get(f) for f in value_fields])]
        if partial:
            cells += ["t" if f in values else "f" for f in partial]
        write("\t".join(cells))
        write("\n")
    buffer.seek(0)
    return buffer


_PLAIN = (str, int, bool, float, Decimal, dt.date, type(None))


def _copy_new(cursor, model, key_fields, rows, partial, value_fields, leading) -> dict | None:
    """A composite key's leading values that the table does not hold yet (a filer's cycle that
    this file creates): every row is new, so the rows are copied straight into the table, with
    no temporary table to analyse, compare, anti-join and join back. Returns {key: pk}, or None
    when the table already has rows under those values (or a default is not a plain value)."""
    meta = model._meta
    by_attname = {f.attname: f for f in meta.concrete_fields}
    lead = _q(by_attname[key_fields[0]].column)
    cursor.execute(f"SELECT 1 FROM {_q(meta.db_table)} WHERE {lead} = ANY(%s) LIMIT 1", [leading])
    if cursor.fetchone():
        return None
    # The file's columns first, then every other column at the value Django gives a new instance
    # (one constant tail for all rows); a column some rows lack takes that value on those rows.
    given = set(key_fields) | set(value_fields)
    defaults, template = {}, model()
    for field in meta.concrete_fields:
        if (field.primary_key and field.attname not in given) or getattr(field, "generated", False):
            continue
        if field.attname in given and field.attname not in partial:
            continue
        value = field.get_db_prep_save(field.pre_save(template, add=True), connection)
        if not isinstance(value, _PLAIN) or (
            isinstance(field, EncryptedTextField | EncryptedJSONField) and value not in ("", None)
        ):
            return None
        defaults[field.attname] = _text(value)
    rest = [name for name in defaults if name not in given]
    columns = [_q(by_attname[name].column) for name in (*key_fields, *value_fields, *rest)]
    tail = "".join("\t" + defaults[name] for name in rest) + "\n"
    fast, text = _FAST.get, _text
    absent = object()
    buffer = StringIO()
    write = buffer.write
    for key, values in rows.items():
        if partial:
            get = values.get
            cells = [fast(type(v), text)(v) for v in key]
            for name in value_fields:
                v = get(name, absent)
                cells.append(defaults[name] if v is absent else fast(type(v), text)(v))
        else:
            cells = [fast(type(v), text)(v) for v in (*key, *map(values.__getitem__, value_fields))]
        write("\t".join(cells))
        write(tail)
    buffer.seek(0)
    _copy(cursor, _q(meta.db_table), columns, buffer)
    keys = ", ".join(_q(by_attname[k].column) for k in key_fields)
    cursor.execute(
        f"SELECT {_q(meta.pk.column)}, {keys} FROM {_q(meta.db_table)} WHERE {lead} = ANY(%s)", [leading]
    )
    return {tuple(row[1:]): row[0] for row in cursor.fetchall()}


def _insert_columns(model, columns, partial):
    """Columns, SELECT expressions and parameters of the INSERT: the file's values, and for
    every other column the value Django would give one new instance (defaults, auto_now_add)."""
    template = model()
    insert_columns, select, params = [], [], []
    defaults = {}
    for field in model._meta.concrete_fields:
        if field.primary_key and field.attname not in columns:
            continue
        if getattr(field, "generated", False):
            continue
        value = field.pre_save(template, add=True)
        prepared = field.get_db_prep_save(value, connection)
        if isinstance(field, EncryptedTextField | EncryptedJSONField) and prepared not in ("", None):
            raise ValueError(f"{model._meta.label}.{field.name}: a shared encrypted default")
        defaults[field.attname] = prepared
        insert_columns.append(_q(field.column))
        if field.attname in partial:
            select.append(f"CASE WHEN s.{_q('has_' + field.attname)} THEN s.{_q(field.attname)} ELSE %s END")
            params.append(prepared)
        elif field.attname in columns:
            select.append(f"s.{_q(field.attname)}")
        else:
            select.append("%s")
            params.append(prepared)
    return insert_columns, select, params
