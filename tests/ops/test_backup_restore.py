"""docs/operations.md, tried: a pg_dump of the database restored into a fresh database gives the
same annual reports and an intact audit trail, read with the same keys."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
REPORTS = (
    "import json, datetime as dt; from reports.queries import annual_report; "
    "print(json.dumps({f'{y}-{y+1}': annual_report(f'{y}-{y+1}') for y in range(2006, dt.date.today().year + 1)},"
    " sort_keys=True, default=str))"
)


def _run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=300, **kwargs)


def _django(database: str, *args: str) -> str:
    env = {
        **os.environ,
        "ETHICS_TESTING": "1",
        "DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{database}",
    }
    return _run([sys.executable, "manage.py", *args], cwd=ROOT, env=env).stdout


@pytest.mark.django_db(transaction=True)
def test_a_dump_restored_into_a_fresh_database_gives_the_same_report_and_a_clean_audit_trail(
    people, tmp_path
):
    call_command("seed_demo", stdout=io.StringIO())
    source = connection.settings_dict["NAME"]
    target = f"{source}_restore"
    dump = tmp_path / "ethics_office.dump"
    before = _django(source, "shell", "--no-imports", "-c", REPORTS)
    _run(
        [
            "pg_dump",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "--format=custom",
            "--no-owner",
            "-f",
            str(dump),
            source,
        ]
    )
    _run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", target])
    _run(["createdb", "-h", "127.0.0.1", "-U", "postgres", target])
    try:
        _run(
            [
                "pg_restore",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "--no-owner",
                "--exit-on-error",
                "-d",
                target,
                str(dump),
            ]
        )
        after = _django(target, "shell", "--no-imports", "-c", REPORTS)
        assert json.loads(before)["2011-2012"]["service_requests"]["total"] > 0
        assert json.loads(after) == json.loads(before)
        assert "intact" in _django(target, "verify_audit")
    finally:
        _run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", target])
