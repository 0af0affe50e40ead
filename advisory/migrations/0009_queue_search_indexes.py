"""Trigram indexes for the queue's search (reference and requester name, `icontains`).

On tables of intake and organisation, created here because the advice queue is what searches
them; pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("intake_servicerequest", "ref", "intake_sr_ref_trgm_idx"),
    ("organisation_person", "name", "organisation_person_name_trgm_idx"),
]
UPPER_INDEX = "organisation_person_index_upper_idx"  # index_number__iexact


def create(apps, schema_editor):
    """PostgreSQL only: the SQLite of `make run` has no trigram indexes and needs none."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column, name in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (upper({column}::text) gin_trgm_ops)"
        )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {UPPER_INDEX} ON organisation_person (upper(index_number::text))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, _column, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {UPPER_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0008_list_indexes"),
        ("intake", "__first__"),
        ("organisation", "__first__"),
    ]

    operations = [TrigramExtension(), migrations.RunPython(create, drop)]
