"""Benchmark: records/s of the records import on the ten-year set (bench/generate.py).

Run by hand, never in the test suite. Uses DATABASE_URL (default: a PostgreSQL database
`eo_import_bench` on 127.0.0.1, created if missing, migrated, and emptied of imported rows
first). Imports each year (~57,000 lines) as one file through `records_import`, the way the
administrators' upload does, and prints lines, seconds and records/s per year and over all.
`--profile` writes a pyinstrument profile of the first year to bench/out/import_profile.html;
`--years N` imports fewer years; `--again` also times re-importing the last year (a no-op);
`--backend-cpu` also prints the CPU time of the import's PostgreSQL backend per year (from
/proc, so only with the server on this machine): wall time follows the machine's load, CPU
time much less.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/eo_import_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--again", action="store_true")
    parser.add_argument("--keep", action="store_true", help="do not empty the imported rows first")
    parser.add_argument("--backend-cpu", action="store_true", help="the PostgreSQL backend's CPU per year")
    args = parser.parse_args()

    from run import ensure_database

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from generate import year_lines

    from reports.records.services import records_import

    call_command("migrate", verbosity=0)
    # A worker has its URLconf loaded already; a fresh process would pay ~1-5 s here once.
    from django.urls import reverse

    reverse("reference-codes")
    if not args.keep:
        _empty()
    years = range(2013, 2013 + args.years)
    total_lines = total_seconds = total_cpu = total_backend = 0.0
    for i, year in enumerate(years):
        lines = year_lines(year)
        profiler = None
        if args.profile and i == 0:
            from pyinstrument import Profiler

            profiler = Profiler()
            profiler.start()
        backend = _backend_cpu() if args.backend_cpu else None
        start, cpu = time.perf_counter(), time.process_time()
        result = records_import(actor=None, lines=lines, source=f"bench {year}")
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        if backend:
            pid, before = backend
            after = _backend_cpu()
            backend_seconds = after[1] - before if after[0] == pid else float("nan")
            total_backend += backend_seconds
        if profiler:
            profiler.stop()
            out = ROOT / "bench" / "out"
            out.mkdir(exist_ok=True)
            (out / "import_profile.html").write_text(profiler.output_html())
            print(profiler.output_text(unicode=False, color=False, show_all=False)[:6000])
        created = sum(c.get("created", 0) for c in result.counts.values())
        total_lines += len(lines)
        total_seconds += seconds
        total_cpu += cpu
        print(
            f"import {year}: {len(lines):,} lines in {seconds:.2f} s = {len(lines) / seconds:,.0f} records/s"
            f" ({created:,} rows created; this process's CPU {cpu:.2f} s"
            + (f", PostgreSQL backend's CPU {backend_seconds:.2f} s)" if backend else ")")
        )
    if args.again:
        lines = year_lines(years[-1])
        start = time.perf_counter()
        records_import(actor=None, lines=lines)
        seconds = time.perf_counter() - start
        print(f"re-import {years[-1]} (no change): {len(lines) / seconds:,.0f} records/s")
    print(
        f"ten-year set: {total_lines:,.0f} lines in {total_seconds:.1f} s = {total_lines / total_seconds:,.0f} records/s"
        + f" (this process's CPU {total_cpu:.1f} s"
        + (f", PostgreSQL backend's CPU {total_backend:.1f} s)" if args.backend_cpu else ")")
    )


def _backend_cpu() -> tuple[int, float]:
    """The pid of this connection's PostgreSQL backend and the CPU seconds (user + system) it has
    used so far, read from /proc/<pid>/stat (fields 14 and 15, after the parenthesised name)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _empty() -> None:
    """Remove what an earlier run imported (bench refs and index numbers), children first."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM intake_servicerequest WHERE ref LIKE 'B2%%'")
        if not cursor.fetchone()[0]:
            return
    from advisory.models import AdviceRequest
    from disclosure.models import ConflictItem, Filer, FilingCycle, PublicDisclosure
    from ethics_office.intake.models import ServiceRequest
    from outreach.models import OutreachMission, SeniorBriefing, TrainingSession
    from panel.models import PanelMeeting
    from retaliation.models import RetaliationInquiry

    bench = {"service_request__ref__startswith": "B2"}
    AdviceRequest.objects.filter(**bench).delete()
    RetaliationInquiry.objects.filter(**bench).delete()
    ServiceRequest.objects.filter(ref__startswith="B2").delete()
    years = list(range(2013, 2023))
    PublicDisclosure.objects.filter(filer__cycle__year__in=years).delete()
    ConflictItem.objects.filter(filer__cycle__year__in=years).delete()
    Filer.objects.filter(cycle__year__in=years).delete()
    FilingCycle.objects.filter(year__in=years).delete()
    for model in (TrainingSession, OutreachMission, SeniorBriefing, PanelMeeting):
        model.objects.filter(ref__startswith="B").delete()
    # The deleted rows are cleared now, not by autovacuum in the middle of the timed imports.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
