"""Give the application's database role what it needs and nothing more.

The schema belongs to the role that runs migrations; the web and worker processes connect
as another role, which owns nothing. Not owning the tables, it cannot disable the audit
trail's triggers, alter or drop tables; and on the audit tables it may only read and append.

    manage.py db_grant_app_role ethics_app      # after every `migrate`, as the owner

docs/operations.md shows both roles in a deployment.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

# Tables the application may read and append to, never change.
APPEND_ONLY = ["audit_auditevent", "audit_auditseal"]


class Command(BaseCommand):
    help = "Grant the application's (non-owner) database role least privilege on every table."

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role the web and worker processes connect as")

    def handle(self, *args, role, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Database roles apply to PostgreSQL only.")
        quoted = connection.ops.quote_name(role)
        tables = sorted(
            {m._meta.db_table for m in apps.get_models(include_auto_created=True)} | {"django_migrations"}
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            if cursor.fetchone() is None:
                raise CommandError(
                    f"There is no database role {role!r}: create it first (docs/operations.md)."
                )
            cursor.execute(f"GRANT USAGE ON SCHEMA public TO {quoted}")
            cursor.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {quoted}")
            for table in tables:
                name = connection.ops.quote_name(table)
                rights = "SELECT, INSERT" if table in APPEND_ONLY else "SELECT, INSERT, UPDATE, DELETE"
                if table == "django_migrations":
                    rights = "SELECT"
                cursor.execute(f"GRANT {rights} ON {name} TO {quoted}")
            cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}")
        self.stdout.write(self.style.SUCCESS(f"{role}: least privilege on {len(tables)} tables."))
