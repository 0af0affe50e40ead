"""The annual report page, its downloads, and the records import for administrators."""

import base64
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.storage import private_storage
from reports.records.services import ImportRejected, records_import

from . import cache as report_cache
from . import charts, exports, services
from .document import build_document
from .forms import ImportForm
from .permissions import can_follow_case_links, can_import_records, can_view_annual_report
from .queries import Period
from .services import report_export_record

FIRST_YEAR = 2006
SESSION_KEY = "reports-import-file"


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
    if not can_follow_case_links(user):
        return {}
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


@login_required
def annual(request, period):
    if not can_view_annual_report(request.user):
        raise Http404
    period = _period_or_404(period)
    report = report_cache.report(period.label)
    document = build_document(report)
    figures = {
        f.slug: "data:image/svg+xml;base64," + base64.b64encode(charts.render_cached(f, "svg")).decode()
        for f in document.figures()
    }
    links = _links(request.user, period)
    for table in [*document.tables(), *(f.table for f in document.figures())]:
        table.urls = [_row_link(links, key) for key in table.link_rows]
    return render(
        request,
        "reports/annual.html",
        {
            "document": document,
            "sections": exports.numbered_sections(document),
            "figures": figures,
            "report": report,
            "period": period,
            "periods": _periods(),
            "links": links,
            "comparisons": _comparisons(report, period),
            "formats": ["docx", "pdf", "xlsx", "json"],
        },
    )


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
        import json

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
    """Administrators upload a JSONL file and see what it would do before anything is written."""
    if not can_import_records(request.user):
        raise Http404
    result = errors = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        try:
            result = records_import(actor=request.user, lines=content.splitlines(), dry_run=True)
        except ImportRejected as exc:
            errors = exc.errors
        else:
            previous = request.session.pop(SESSION_KEY, None)
            if previous and private_storage.exists(previous["name"]):
                private_storage.delete(previous["name"])
            name = private_storage.save(f"imports/{uuid.uuid4().hex}.jsonl", ContentFile(content))
            request.session[SESSION_KEY] = {"name": name, "filename": form.cleaned_data["file"].name}
    return render(
        request,
        "reports/import.html",
        {"form": form, "result": result, "errors": errors, "max_errors": 200},
    )


@require_POST
@login_required
def import_confirm(request):
    if not can_import_records(request.user):
        raise Http404
    pending = request.session.pop(SESSION_KEY, None)
    if not pending or not private_storage.exists(pending["name"]):
        messages.error(request, _("Nothing is waiting to be imported; upload the file again."))
        return redirect("reports-import")
    with private_storage.open(pending["name"]) as handle:
        content = handle.read()
    private_storage.delete(pending["name"])
    try:
        result = records_import(
            actor=request.user, lines=content.splitlines(), source=pending["filename"][:200]
        )
    except ImportRejected as exc:
        # The database changed since the dry run.
        messages.error(request, exc.message)
        return redirect("reports-import")
    if result.changed:
        services.report_data_changed()
    created = sum(c.get("created", 0) for c in result.counts.values())
    updated = sum(c.get("updated", 0) for c in result.counts.values())
    messages.success(
        request,
        _("Imported %(records)s records: %(created)s rows created, %(updated)s updated.")
        % {"records": result.records, "created": created, "updated": updated},
    )
    return redirect("reports-import")
