"""Benchmark: the JSON annual report against the bare SQL aggregate queries it needs.

Run by hand (`make bench`), never in the test suite. Uses DATABASE_URL (default: a
PostgreSQL database `eo_bench` on 127.0.0.1, created if missing). The first run imports
ten years (2013–2022) at ten times the 2012 volume through the records import, timing
each ~57,000-line year; later runs reuse the data. Then it times, for the 2022-2023
report period (cycle 2022 plus the 2023 registrations):

- report: `annual_report("2022-2023")`, the ORM queries plus assembling the JSON;
- bare SQL: the same aggregate SQL statements, captured once and replayed with a raw cursor.

Each is the median of --runs runs after one warm-up. Results go to standard output and
bench/out/results.json.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/eo_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")
YEARS = range(2013, 2023)
PERIOD = "2022-2023"


def ensure_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    from urllib.parse import urlparse

    import psycopg2

    name = urlparse(url).path.lstrip("/")
    conn = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--regenerate", action="store_true", help="import the ten years again (a no-op re-import)"
    )
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from generate import year_lines

    from ethics_office.intake.models import ServiceRequest
    from reports.queries import annual_report
    from reports.records.services import records_import

    call_command("migrate", verbosity=0)
    imports = []
    if args.regenerate or not ServiceRequest.objects.filter(ref__startswith="B2013-").exists():
        for year in YEARS:
            lines = year_lines(year)
            began = time.perf_counter()
            result = records_import(actor=None, lines=lines, source=f"bench {year}")
            seconds = time.perf_counter() - began
            created = sum(c.get("created", 0) for c in result.counts.values())
            imports.append(
                {"year": year, "lines": len(lines), "seconds": round(seconds, 2), "created": created}
            )
            print(
                f"import {year}: {len(lines):,} lines in {seconds:.1f} s ({created:,} rows created)",
                flush=True,
            )
    with connection.cursor() as cursor:
        # VACUUM as well as ANALYZE: a deployment's autovacuum keeps the visibility map set, so
        # counts are index-only scans; freshly loaded rows, on a server with autovacuum off (this
        # machine's), make every count fetch each row from the table (docs/performance.md).
        cursor.execute("VACUUM ANALYZE")

    with CaptureQueriesContext(connection) as captured:
        report = annual_report(PERIOD)
    statements = [q["sql"] for q in captured.captured_queries]

    def time_report():
        began = time.perf_counter()
        annual_report(PERIOD)
        return time.perf_counter() - began

    def time_bare():
        began = time.perf_counter()
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()
        return time.perf_counter() - began

    time_report(), time_bare()  # warm-up
    report_times, bare_times = [], []
    for _ in range(args.runs):
        report_times.append(time_report())
        bare_times.append(time_bare())
    report_median, bare_median = statistics.median(report_times), statistics.median(bare_times)
    counts = {
        "service_requests": ServiceRequest.objects.count(),
        "filers": __import__("disclosure.models", fromlist=["Filer"]).Filer.objects.count(),
    }
    results = {
        "period": PERIOD,
        "database": connection.vendor,
        "rows": counts,
        "queries": len(statements),
        "report_seconds_median": round(report_median, 4),
        "bare_sql_seconds_median": round(bare_median, 4),
        "ratio": round(report_median / bare_median, 3),
        "runs": args.runs,
        "imports": imports,
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
        },
        "report_total_requests": report["service_requests"]["total"],
        "report_participants": report["disclosure"]["participants"],
    }
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    print(json.dumps({k: v for k, v in results.items() if k != "imports"}, indent=2))
    target = "within" if results["ratio"] <= 2 else "OUTSIDE"
    print(f"report / bare SQL = {results['ratio']}× ({target} the 2× target)")


if __name__ == "__main__":
    main()
