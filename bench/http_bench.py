"""Benchmark: the office's lists and home pages over HTTP, against the framework's floor.

Run by hand (`make bench`), never in the test suite. It starts gunicorn (several sync
workers, DEBUG off) on the benchmark database and measures each URL with wrk:

- p50 latency at one connection (`wrk -t1 -c1 --latency`);
- requests/s at 16 connections (`wrk -t2 -c16`).
- "cold": p50 of 25 requests one at a time, each right after the data version moved on (as
  after any write), so lists kept under it (ethics_office/base/dataversion.py) are computed.

Each is printed next to its floor — `/api/me/` with a token for API endpoints, a trivial
signed-in page (the password-change form) for HTML pages — as a ratio, all from one run.
Results go to bench/out/http.json.

Signing in: the bench makes an API token per user (`api_token_issue`) and a session per user
with the second factor already verified (django-otp's `otp_device_id` set to the user's
confirmed TOTP device), exactly what the two-factor form leaves in the session. No bench-only
settings or back doors in the application.

Without wrk (apt-get install wrk) a small Python client measures the same two figures.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/eo_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")

# The environment gunicorn runs with: a deployment's settings (DEBUG off) on plain HTTP.
SERVER_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "FIELD_ENCRYPTION_KEYS": "hN4pQ2kDqz0q9S1YVvKfJ2x9m3oXo7tQ4b0mQ1z3rZs=",  # the public dev key
    "AUDIT_HMAC_KEYS": "dev-only-audit-chain-key-not-for-production",
    "SECURE_SSL_REDIRECT": "0",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    # Cache, sessions and the data version in Redis, shared by every gunicorn worker, as deployed
    # (with no REDIS_URL each worker would keep its own data version).
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10"),
}

# (label, user, kind, path, target ratio) — kind "api" or "html"; the floor rows come first.
ENDPOINTS = [
    ("floor: /api/me/ (token)", "officer", "api", "/api/me/", None),
    ("floor: password-change page", "officer", "html", "/accounts/password/change/", None),
    ("advice queue API, all statuses", "officer", "api", "/api/advisory/requests/", 3),
    ("advice queue API, ?status=open", "officer", "api", "/api/advisory/requests/?status=open", 3),
    ("advice queue API, search + sort", "officer", "api", "/api/advisory/requests/?q=Lee&sort=officer", 3),
    ("advice queue API, Director", "director", "api", "/api/advisory/requests/", 3),
    ("advice queue page, default filter", "officer", "html", "/advisory/queue/", 3),
    ("advice queue page, all statuses", "officer", "html", "/advisory/queue/?status=all", 3),
    ("advice queue page, search + sort", "officer", "html", "/advisory/queue/?q=Lee&sort=category", 3),
    ("retaliation cases list", "officer", "html", "/retaliation/", 3),
    ("retaliation API list", "officer", "api", "/api/retaliation/requests/", 3),
    ("filers of cycle 2022", "officer", "html", "/disclosure/cycles/2022/", 3),
    ("conflicts register", "officer", "html", "/disclosure/conflicts/", 3),
    ("audit trail page (1M events)", "director", "html", "/audit/", 3),
    ("audit trail API (1M events)", "director", "api", "/api/audit/events/", 3),
    ("outreach sessions", "officer", "html", "/outreach/", 3),
    ("outreach missions", "officer", "html", "/outreach/missions/", 3),
    ("home: staff", "staff", "html", "/", 3),
    ("home: officer", "officer", "html", "/", 3),
    ("home: director", "director", "html", "/", 3),
    ("home: focal point", "focalpoint", "html", "/", 3),
    ("home: admin", "admin", "html", "/", 3),
]
USERS = sorted({e[1] for e in ENDPOINTS})
# Tokens and sessions are signed with SECRET_KEY: make them under the server's settings.
os.environ.update(SERVER_ENV)


def credentials(users=USERS, sessions: int = 1) -> dict:
    """A token and sessions (second factor verified) for each user the endpoints need."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.utils.module_loading import import_string
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ethics_office.site.tokens import api_token_issue

    store = import_string(settings.SESSION_ENGINE + ".SessionStore")
    out = {}
    for username in users:
        user = get_user_model().objects.get(username=username)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        keys = []
        for _ in range(sessions):
            session = store()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            if device is not None:
                session["otp_device_id"] = device.persistent_id
            session.set_expiry(24 * 3600)
            session.create()
            keys.append(session.session_key)
        out[username] = {"token": api_token_issue(user=user), "session": keys[0], "sessions": keys}
    return out


def headers_for(creds: dict, user: str, kind: str) -> dict:
    from django.conf import settings

    if kind == "api":
        return {"Authorization": f"Token {creds[user]['token']}"}
    return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={creds[user]['session']}"}


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)$", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, headers: dict, *, connections: int, seconds: int) -> dict:
    cmd = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    for key, value in headers.items():
        cmd += ["-H", f"{key}: {value}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"p50_ms": _ms(p50), "rps": rps, "non_2xx": int(errors.group(1)) if errors else 0}


def python_client(url: str, headers: dict, *, connections: int, seconds: int) -> dict:
    times, errors, stop = [], [0], time.monotonic() + seconds

    def worker():
        while time.monotonic() < stop:
            began = time.perf_counter()
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
                    r.read()
            except Exception:
                errors[0] += 1
            times.append((time.perf_counter() - began) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"p50_ms": statistics.median(times), "rps": len(times) / seconds, "non_2xx": errors[0]}


def cold(url: str, headers: dict, *, requests: int = 25) -> float:
    """p50 of requests made one at a time, each right after the data version moved on (as after
    any write in the office): what a list costs when it is computed, not read back from the cache."""
    from ethics_office.base.dataversion import _bump

    times = []
    for _ in range(requests):
        _bump()
        began = time.perf_counter()
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
            r.read()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def check(url: str, headers: dict) -> int:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def start_server(port: int, workers: int):
    env = {**os.environ, **SERVER_ENV}
    if not (ROOT / "staticfiles" / "staticfiles.json").exists():  # the manifest DEBUG-off pages need
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    proc = subprocess.Popen(
        [
            gunicorn,
            "ethics_office.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=2).read()
            return proc
        except Exception:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("gunicorn did not start")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=8701)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run")
    parser.add_argument(
        "--only", default="", help="a word the endpoint labels must contain (floors always run)"
    )
    args = parser.parse_args()

    creds = credentials()
    measure = wrk if shutil.which("wrk") else python_client
    server = start_server(args.port, args.workers)
    results = []
    try:
        for label, user, kind, path, target in ENDPOINTS:
            if args.only and target is not None and args.only not in label:
                continue
            url = f"http://127.0.0.1:{args.port}{path}"
            headers = headers_for(creds, user, kind)
            status = check(url, headers)
            if status != 200:
                print(f"{label}: HTTP {status} — skipped", flush=True)
                continue
            measure(url, headers, connections=1, seconds=1)  # warm-up
            one = measure(url, headers, connections=1, seconds=args.seconds)
            many = measure(url, headers, connections=16, seconds=args.seconds)
            computed = cold(url, headers)
            results.append(
                {
                    "label": label,
                    "kind": kind,
                    "path": path,
                    "user": user,
                    "target": target,
                    "p50_ms": one["p50_ms"],
                    "rps_c16": many["rps"],
                    "cold_p50_ms": computed,
                    "non_2xx": one["non_2xx"] + many["non_2xx"],
                }
            )
            print(
                f"  {label}: p50 {one['p50_ms']:.1f} ms, {many['rps']:.1f} req/s, cold p50 {computed:.1f} ms",
                flush=True,
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()

    floors = {r["kind"]: r for r in results if r["target"] is None}
    print()
    print(
        f"{'endpoint':44} {'p50 ms':>8} {'× floor':>8} {'req/s c16':>10} {'floor/x':>8}"
        f" {'cold ms':>8} {'× floor':>8}  target"
    )
    failed = []
    for r in results:
        floor = floors.get(r["kind"])
        r["p50_ratio"] = r["p50_ms"] / floor["p50_ms"] if floor else None
        r["rps_ratio"] = floor["rps_c16"] / r["rps_c16"] if floor and r["rps_c16"] else None
        r["cold_ratio"] = r["cold_p50_ms"] / floor["cold_p50_ms"] if floor else None
        mark = ""
        if r["target"] is not None and r["p50_ratio"] is not None:
            ok = r["p50_ratio"] <= r["target"]
            mark = f"<= {r['target']}x {'ok' if ok else 'MISSED'}"
            if not ok:
                failed.append(r["label"])
        print(
            f"{r['label']:44} {r['p50_ms']:8.1f} {r['p50_ratio'] or 0:8.2f} {r['rps_c16']:10.1f}"
            f" {r['rps_ratio'] or 0:8.2f} {r['cold_p50_ms']:8.1f} {r['cold_ratio'] or 0:8.2f}  {mark}"
        )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "http.json").write_text(
        json.dumps(
            {
                "machine": f"{platform.platform()}, {os.cpu_count()} CPUs",
                "workers": args.workers,
                "seconds": args.seconds,
                "client": measure.__name__,
                "results": results,
            },
            indent=2,
        )
    )
    print(f"\n{len(failed)} endpoint(s) over target" + (": " + ", ".join(failed) if failed else ""))


if __name__ == "__main__":
    main()
