"""The annual report page, its downloads, and the records import for administrators."""

import hashlib
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from reports.records.jobs import import_job_confirm, import_job_progress, import_job_start

from . import cache as report_cache
from . import charts, exports
from .document import build_document
from .forms import ImportForm
from .models import ImportJob
from .permissions import can_follow_case_links, can_import_records, can_view_annual_report
from .queries import Period
from .services import report_export_record

FIRST_YEAR = 2006


def _current_period() -> Period:
    today = timezone.localdate()
    return Period(today.year if today.month >= 8 else today.year - 1)


def _periods() -> list[str]:
    return [Period(y).label for y in range(_current_period().year, FIRST_YEAR - 1, -1)]


def _period_or_404(label: str) -> Period:
    try:
        return Period.parse(label)
    except ValueError:
        raise Http404 from None


def _reverse(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _links(user, period: Period) -> dict:
    """Where a count's records can be browsed (only pages that exist, only for users who may see them)."""
    return _office_links(period) if can_follow_case_links(user) else {}


def _office_links(period: Period) -> dict:
    links = {
        "advice": _reverse("advisory-queue"),
        "retaliation": _reverse("retaliation-list"),
        "workshops": _reverse("outreach-sessions"),
        "missions": _reverse("outreach-missions"),
        "senior_briefings": _reverse("outreach-briefings"),
        "courses": _reverse("outreach-completions"),
        "panel": _reverse("panel-meetings"),
        "filers": _reverse("disclosure-cycle", year=period.cycle),
    }
    return {key: url for key, url in links.items() if url}


@login_required
def index(request):
    """The period selector: /reports/?period=2011-2012 opens that period's report."""
    if not can_view_annual_report(request.user):
        raise Http404
    label = request.GET.get("period") or report_cache.latest_period_with_data().label
    return redirect("reports-annual", period=_period_or_404(label).label)


CHART_TYPES = {"svg": "image/svg+xml", "png": "image/png"}
PAGE_VERSION = "page-2"  # bump when the page's templates change, so cached fragments are not served


@login_required
def annual(request, period):
    """The page answers with the figures and tables at once; its charts are separate images
    (annual_chart), drawn when the browser asks for them. The rendered content is kept per
    data version, period, language and the user's links, so a warm page is a template away."""
    if not can_view_annual_report(request.user):
        raise Http404
    period = _period_or_404(period)
    links = _links(request.user, period)
    key = _content_key(period, links)
    content = cache.get(key)
    if content is None:
        content = _annual_content(report_cache.report(period.label), period, links)
        cache.set(key, content, report_cache.TIMEOUT)
    return render(request, "reports/annual.html", {"content": mark_safe(content), "period": period})  # noqa: S308 - our own render


def _content_key(period: Period, links: dict) -> str:
    return ":".join(
        [
            "reports:page",
            PAGE_VERSION,
            str(report_cache.version()),
            period.label,
            translation.get_language() or "",
            _current_period().label,
            hashlib.sha256(json.dumps(links, sort_keys=True).encode()).hexdigest()[:16],
        ]
    )


def warm_content(label: str) -> None:
    """The page's content for a period in the active language, with and without the office's
    links (the background warm-up calls it, so the first opening after it is a cache read)."""
    period = Period.parse(label)
    for links in ({}, _office_links(period)):
        key = _content_key(period, links)
        if cache.get(key) is None:
            cache.set(key, _annual_content(report_cache.report(label), period, links), report_cache.TIMEOUT)


def _annual_content(report, period, links) -> str:
    document = build_document(report)
    figures = {
        f.slug: reverse("reports-annual-chart", kwargs={"period": period.label, "slug": f.slug, "fmt": "svg"})
        + "?v="
        + charts.fingerprint(f, "svg")[-12:]
        for f in document.figures()
    }
    for table in [*document.tables(), *(f.table for f in document.figures())]:
        table.urls = [_row_link(links, key) for key in table.link_rows]
    return render_to_string(
        "reports/_annual_content.html",
        {
            "document": document,
            "sections": exports.numbered_sections(document),
            "figures": figures,
            "chart_size": charts.SIZE_PX,
            "report": report,
            "period": period,
            "periods": _periods(),
            "links": links,
            "comparisons": _comparisons(report, period),
            "formats": ["docx", "pdf", "xlsx", "json"],
        },
    )


@login_required
def annual_chart(request, period, slug, fmt):
    """One figure of the page, drawn on request (once per figures, language and format: the
    chart cache keys images by what they show); the same gate as the page."""
    if not can_view_annual_report(request.user) or fmt not in CHART_TYPES:
        raise Http404
    period = _period_or_404(period)
    document = build_document(report_cache.report(period.label))
    figure = next((f for f in document.figures() if f.slug == slug), None)
    if figure is None:
        raise Http404
    response = HttpResponse(charts.render_cached(figure, fmt), content_type=CHART_TYPES[fmt])
    # The page's URL carries the image's fingerprint, so a private day-long cache is safe.
    response["Cache-Control"] = "private, max-age=86400"
    return response


def _row_link(links, key):
    """A category code links to its app's list; an entity code to the cycle's filers of that entity."""
    if not key:
        return None
    if key in links:
        return links[key]
    if key.isupper() and "filers" in links:
        return f"{links['filers']}?entity={key}"
    return None


def _comparisons(report, period):
    sr, advice, fd = report["service_requests"], report["advice"], report["disclosure"]
    previous_cycle = next((r["total"] for r in fd["participation"] if r["year"] == fd["cycle"] - 1), None)
    outside = (advice["previous_by_category"] or {}).get("outside_activities")
    return [
        (_("Requests for services"), sr["previous_total"], sr["total"]),
        (_("Requests from away from headquarters (%)"), sr["by_source"]["previous_away_pct"], sr["by_source"]["away_pct"]),
        (_("Advice on outside activities"), outside, advice["by_category"].get("outside_activities", 0)),
        (_("Advice requests from peacekeeping"), advice["previous_peacekeeping"], advice["peacekeeping"]),
        (_("Financial disclosure participants"), previous_cycle, fd["participants"]),
    ]  # fmt: skip


@login_required
def annual_export(request, period, fmt):
    if not can_view_annual_report(request.user) or fmt not in exports.CONTENT_TYPES:
        raise Http404
    period = _period_or_404(period)
    report = report_cache.report(period.label)
    if fmt == "json":
        data = json.dumps(report, ensure_ascii=False, indent=2).encode()
    else:
        data = report_cache.document(report, fmt)
    report_export_record(
        actor=request.user, period=period.label, fmt=fmt, language=translation.get_language() or ""
    )
    response = HttpResponse(data, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(report, fmt)}"'
    return response


@login_required
def import_upload(request):
    """Administrators upload a JSON Lines file; a worker checks it (a dry run) before anything
    is written, and the job page shows its progress and then what it would do."""
    if not can_import_records(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = import_job_start(actor=request.user, content=upload.read(), filename=upload.name)
        return redirect("reports-import-job", pk=job.pk)
    return render(request, "reports/import.html", {"form": form})


IMPORT_STAGES = {
    "queued": _lazy("Waiting for a worker"),
    "read": _lazy("Reading and checking the lines"),
    "check": _lazy("Checking references"),
    "write_register": _lazy("Writing the register"),
    "write_disclosure": _lazy("Writing financial disclosure"),
    "write_outreach": _lazy("Writing outreach and baselines"),
    "commit": _lazy("Saving"),
    "finished": _lazy("Finished"),
}


@login_required
def import_job(request, pk):
    """One import job: its progress while it runs (htmx polls this page's fragment), then its
    outcome: the dry run's counts and the confirmation, the errors, or what was imported.
    A job is its administrator's own: anyone else gets 404."""
    if not can_import_records(request.user):
        raise Http404
    job = ImportJob.objects.filter(pk=pk, actor=request.user).first()
    if job is None:
        raise Http404
    stage, fraction = import_job_progress(job)
    context = {
        "job": job,
        "stage": IMPORT_STAGES.get(stage, stage),
        "percent": round(100 * fraction),
        "confirmable": job.kind == "check" and job.status == "done" and job.changed and not job.confirmed(),
        "max_errors": 200,
    }
    if job.kind == "apply" and job.status == "done":
        context["done_message"] = _(
            "Imported %(records)s records: %(created)s rows created, %(updated)s updated."
        ) % {
            "records": job.records,
            "created": job.created_rows,
            "updated": job.updated_rows,
        }
    template = "reports/_import_job.html" if request.headers.get("HX-Request") else "reports/import_job.html"
    return render(request, template, context)


@require_POST
@login_required
def import_confirm(request):
    if not can_import_records(request.user):
        raise Http404
    job = import_job_confirm(actor=request.user, check_job_id=request.POST.get("job"))
    if job is None:
        messages.error(request, _("Nothing is waiting to be imported; upload the file again."))
        return redirect("reports-import")
    return redirect("reports-import-job", pk=job.pk)
