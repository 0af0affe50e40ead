"""Benchmark: the annual report page and its documents (issues 16 and 17).

Run by hand, never in the test suite, against DATABASE_URL (the demo database of seed_demo,
or bench/run.py's `eo_bench` at ten times the volume). In-process through Django's test
client, signed in as a Director (second factor marked as given), timing:

- floor: a trivial signed-in page (the password-change page);
- first opening of a period after a change (the report's data version moved on, nothing warm):
  without a worker (the request pays: the figures and the template; the charts are separate
  images), and after the background warm-up the change triggers;
- the page's six chart images: drawn on their first request (summed), then from the cache;
- the warm page (median of --runs);
- the PDF and the Word file: first after a change, and warm;
- the JSON API, warm, and the bare `annual_report()` it replaces.

`--before` measures the code as it was (no caches at all: every request computes the figures and
renders the document) by clearing the cache before each request.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/eo_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")
os.environ.setdefault("DEBUG", "1")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--period", default=None, help="default: the latest period with data")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django_otp import DEVICE_ID_SESSION_KEY

    from reports import cache as report_cache
    from reports.queries import annual_report

    setup_test_environment()
    user, _ = get_user_model().objects.get_or_create(username="bench-director")
    user.groups.add(Group.objects.get_or_create(name="director")[0])
    client = Client(HTTP_ACCEPT_LANGUAGE=args.language)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = "bench"
    session.save()
    cache.clear()
    period = args.period or report_cache.latest_period_with_data().label
    page = f"/reports/annual/{period}/"

    def get(url):
        start = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        return elapsed

    def median(url, runs=args.runs):
        get(url)
        return statistics.median(get(url) for _ in range(runs))

    def after_change(url):
        report_cache.changed()  # what a committed change does (eager mode: no warm-up)
        return get(url)

    results = {"database": os.environ["DATABASE_URL"].rsplit("/", 1)[-1], "period": period}
    results["floor_html_p50"] = median(
        "/accounts/password/change/" if _exists("/accounts/password/change/", client) else "/"
    )
    # Before: nothing cached between requests (what every request cost before the caches).
    results["before_page"] = statistics.median(_cold(cache, get, page) for _ in range(3))
    results["before_pdf"] = _cold(cache, get, f"{page}download/pdf/")
    # After.
    cache.clear()
    results["first_page_after_change_no_worker"] = after_change(page)
    # The page's six chart images, as the browser then asks for them (drawn now: nothing warm).
    import re

    html = client.get(page).content.decode()
    chart_urls = re.findall(r'<img src="(/reports/[^"]+)"', html)
    results["charts_count"] = len(chart_urls)
    results["charts_first_drawn_total"] = sum(get(url) for url in chart_urls)
    results["charts_cached_total"] = sum(get(url) for url in chart_urls)
    results["first_page_after_change_charts_warm"] = after_change(page)
    start = time.perf_counter()
    report_cache.changed()
    report_cache.warm([period], languages=[args.language])
    results["warm_up_seconds"] = time.perf_counter() - start
    results["first_page_after_change_warmed"] = get(page)
    results["page_warm_p50"] = median(page)
    report_cache.changed()
    results["pdf_first_after_change_charts_warm"] = get(f"{page}download/pdf/")
    results["pdf_warm"] = median(f"{page}download/pdf/", runs=3)
    results["docx_warm"] = median(f"{page}download/docx/", runs=3)
    results["json_api_warm_p50"] = median(f"/api/reports/annual/{period}/")
    results["annual_report_bare_p50"] = statistics.median(
        _time(lambda: annual_report(period)) for _ in range(3)
    )
    results = {k: round(v, 4) if isinstance(v, float) else v for k, v in results.items()}
    results["page_warm_over_floor"] = round(results["page_warm_p50"] / results["floor_html_p50"], 2)
    print(json.dumps(results, indent=2))
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / f"report_page-{results['database']}.json").write_text(json.dumps(results, indent=2) + "\n")


def _exists(url, client):
    return client.get(url).status_code == 200


def _cold(cache, get, url):
    cache.clear()
    return get(url)


def _time(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
