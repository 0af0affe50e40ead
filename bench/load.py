"""`make load`: Locust, 50 users for 5 minutes, against gunicorn + a real Celery worker.

Uses the benchmark database (DATABASE_URL, as bench/run.py; load it with `make bench` first)
and Redis (REDIS_URL, required: sessions, cache and the Celery broker). Starts gunicorn with
several sync workers and one Celery worker with the deployment's settings (DEBUG off), makes a
token and ten sessions (second factor verified) per role, runs Locust headless and prints the
p95 of every page, the failures, and writes bench/out/load_stats.csv and bench/out/load.json.

Locust lives in the optional `load` group (pip install -e ".[load]"), or anywhere on PATH,
or at LOCUST=/path/to/locust: it only speaks HTTP, it needs nothing of the project.
"""

import argparse
import csv
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


from http_bench import SERVER_ENV, credentials, start_server  # noqa: E402

USERS = ["staff", "officer", "focalpoint", "director", "admin"]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=8702)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--time", default="5m")
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        raise SystemExit("REDIS_URL is required (sessions, cache, Celery broker)")
    locust = os.environ.get("LOCUST") or shutil.which("locust") or str(Path(sys.executable).parent / "locust")
    if not Path(locust).exists():
        raise SystemExit('Locust is not installed: pip install -e ".[load]" (or set LOCUST=/path/to/locust)')

    creds = credentials(USERS, sessions=10)
    from django.conf import settings

    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    creds_file = out / "load_credentials.json"
    creds_file.write_text(json.dumps(creds))
    # No mail server on a bench machine: the worker delivers the outbox to nowhere.
    env = {**os.environ, **SERVER_ENV, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    celery = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "ethics_office",
            "worker",
            "--concurrency=1",
            "--loglevel=warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    server = start_server(args.port, args.workers)
    try:
        subprocess.run(
            [
                locust,
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(args.users),
                "-r",
                "5",
                "-t",
                args.time,
                "--host",
                f"http://127.0.0.1:{args.port}",
                "--csv",
                str(out / "load"),
                "--only-summary",
            ],
            env={
                **os.environ,
                "BENCH_CREDENTIALS": str(creds_file),
                "BENCH_SESSION_COOKIE": settings.SESSION_COOKIE_NAME,
            },
            check=False,
        )
    finally:
        for proc in (server, celery):
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
        creds_file.unlink(missing_ok=True)
    with open(out / "load_stats.csv") as stats:
        rows = list(csv.DictReader(stats))
    print(f"\n{'page':56} {'requests':>9} {'failures':>9} {'p50 ms':>7} {'p95 ms':>7}")
    for row in rows:
        print(
            f"{row['Type'] + ' ' + row['Name']:56} {row['Request Count']:>9} {row['Failure Count']:>9}"
            f" {row['50%']:>7} {row['95%']:>7}"
        )
    (out / "load.json").write_text(
        json.dumps(
            {
                "machine": f"{platform.platform()}, {os.cpu_count()} CPUs",
                "users": args.users,
                "time": args.time,
                "workers": args.workers,
                "rows": rows,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
