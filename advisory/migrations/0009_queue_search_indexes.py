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


class Migration(migrations.Migration):
    dependencies = [
        ("advisory", "0008_list_indexes"),
        ("intake", "__first__"),
        ("organisation", "__first__"),
    ]

    operations = [
        TrigramExtension(),
        *(
            migrations.RunSQL(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (upper({column}::text) gin_trgm_ops)",
                f"DROP INDEX IF EXISTS {name}",
            )
            for table, column, name in INDEXES
        ),
        migrations.RunSQL(  # index_number__iexact
            "CREATE INDEX IF NOT EXISTS organisation_person_index_upper_idx"
            " ON organisation_person (upper(index_number::text))",
            "DROP INDEX IF EXISTS organisation_person_index_upper_idx",
        ),
    ]
