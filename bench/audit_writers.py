"""Benchmark: audit events per second with 1 and with 16 concurrent writers.

Each writer is a process that runs transactions the way a service does: write an audit event,
then go on working inside the same transaction for a few milliseconds (--hold) before it
commits. Writers that waited for each other for their whole transaction (one chain lock
held to commit) would make 16 writers no faster than one; with sealing after commit they
proceed in parallel. Prints events/s for both and their ratio, and checks the chain after.

    .venv/bin/python bench/audit_writers.py [--events 400] [--hold 0.005]

Uses DATABASE_URL (default: PostgreSQL database eo_bench_audit on 127.0.0.1, created if missing).
"""

import argparse
import json
import multiprocessing
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/eo_bench_audit")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")
os.environ.setdefault("DEBUG", "1")


def _writer(count: int, hold: float, barrier, serialised: bool) -> None:
    import django

    django.setup()
    from django.db import connection, transaction

    from ethics_office.audit.models import Action
    from ethics_office.audit.services import audit_record

    barrier.wait()
    for i in range(count):
        with transaction.atomic():
            if serialised:  # what the trail did before: one lock, held until the writer commits
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(1)")
            audit_record(actor=None, action=Action.UPDATE, object_type="bench.thing", object_id=i)
            time.sleep(hold)  # the rest of the service's work, inside its transaction


def run(writers: int, events: int, hold: float, serialised: bool = False) -> float:
    from django.db import connections

    connections.close_all()  # children must not share the parent's connection
    per_writer = events // writers
    barrier = multiprocessing.Barrier(writers + 1)
    procs = [
        multiprocessing.Process(target=_writer, args=(per_writer, hold, barrier, serialised))
        for _ in range(writers)
    ]
    for p in procs:
        p.start()
    barrier.wait()
    start = time.perf_counter()
    for p in procs:
        p.join()
    return per_writer * writers / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=400)
    parser.add_argument("--hold", type=float, default=0.005)
    args = parser.parse_args()
    from run import ensure_database

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    one = run(1, args.events, args.hold)
    sixteen = run(16, args.events, args.hold)
    sixteen_serialised = run(16, args.events, args.hold, serialised=True)
    from ethics_office.audit.services import audit_seal_pending, audit_verify

    audit_seal_pending()
    result = audit_verify()
    out = {
        "events_per_s_1_writer": round(one, 1),
        "events_per_s_16_writers": round(sixteen, 1),
        "ratio_16_to_1": round(sixteen / one, 2),
        "events_per_s_16_writers_one_lock_to_commit": round(sixteen_serialised, 1),
        "ratio_16_sealed_after_commit_to_16_one_lock": round(sixteen / sixteen_serialised, 2),
        "hold_s": args.hold,
        "chain_intact": result.intact,
        "events_verified": result.checked,
    }
    print(json.dumps(out, indent=2))
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / "audit_writers.json").write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
