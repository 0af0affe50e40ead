"""The application's database role owns nothing: it cannot rewrite, empty or unhook the audit trail."""

import hashlib

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def app_role():
    name = connection.settings_dict["NAME"]
    role = "eo_app_" + hashlib.sha256(name.encode()).hexdigest()[:10]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE ROLE "{role}" LOGIN')
    call_command("db_grant_app_role", role)
    settings = connection.settings_dict
    conn = psycopg2.connect(
        dbname=name, user=role, host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432
    )
    conn.autocommit = True
    yield conn
    conn.close()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP OWNED BY "{role}"')
        cursor.execute(f'DROP ROLE "{role}"')


def _refused(conn, sql):
    with conn.cursor() as cursor:
        try:
            cursor.execute(sql)
        except psycopg2.Error as exc:
            return exc.pgcode
    return None


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET actor_label = 'x'",
        "DELETE FROM audit_auditevent",
        "TRUNCATE audit_auditevent CASCADE",
        "UPDATE audit_auditseal SET hash = 'x'",
        "DELETE FROM audit_auditseal",
        "ALTER TABLE audit_auditevent DISABLE TRIGGER ALL",
        "DROP TABLE audit_auditseal CASCADE",
        "DELETE FROM django_migrations",
    ],
)
def test_the_application_role_cannot_change_the_trail(app_role, sql):
    """Each of these fails with a privilege error (42501), whatever the triggers say."""
    assert _refused(app_role, sql) == "42501"


def test_the_application_role_reads_and_writes_case_tables(app_role):
    """What the application does every day still works under that role."""
    assert _refused(app_role, "SELECT count(*) FROM advisory_advicerequest") is None
    assert _refused(app_role, "UPDATE advisory_advicerequest SET status = status WHERE false") is None
    assert _refused(app_role, "DELETE FROM audit_auditpending WHERE false") is None
