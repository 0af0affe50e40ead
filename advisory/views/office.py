"""The office's pages: the queue, recording on behalf, precedents."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.dataversion import asked, remembered
from ethics_office.base.forms import form_submit
from ethics_office.base.gates import require_office
from ethics_office.base.listing import choice_labels, date_for_each, link_for_each
from ethics_office.base.pagination import CappedCountPaginator
from ethics_office.intake.models import Channel

from .. import selectors, services
from ..forms import (
    PrecedentForm,
    QueueFilterForm,
    RecordForm,
)
from ..models import Status
from .common import back_to_request

# --- The office: queue, recording on behalf, precedents --------------------------------


def _queue_row(row: selectors.QueueRow, today, statuses, channels, link, date) -> dict:
    clock = row.clock(today)
    if clock.ack_overdue:
        late = "ack"
    elif clock.advise_overdue:
        late = "advice"
    else:
        late = ""
    return {
        "url": link(row.pk),
        "ref": row.ref,
        "received": date(row.received),
        "anonymous": row.channel == Channel.ANONYMOUS_WEB,
        "requester": row.requester or "",
        "category": row.category_label,
        "channel": channels.get(row.channel, row.channel),
        "status": statuses.get(row.status, row.status),
        "replied": row.requester_wrote_at is not None,
        "officer": row.officer or "",
        "overdue": clock.overdue,
        "late": late,
        "due": date(clock.advise_due) if clock.open else "—",
    }


@login_required
def queue(request):
    """The triage queue with filters, search, sort and overdue highlighting."""
    require_office(request.user)
    categories = list(selectors.advice_categories())
    officers = list(selectors.officers_for_assignment())
    form = QueueFilterForm(request.GET or None, categories=categories, officers=officers)
    filters = form.filters() if request.GET else {"open_only": True}

    def results():
        queue = selectors.advice_queue(request.user, filters=filters)
        page = CappedCountPaginator(selectors.queue_values(queue), 50, counted=queue).get_page(
            request.GET.get("page")
        )
        today = timezone.localdate()
        # Each row as the strings it prints, worked out once a page (base.listing): the status's
        # and channel's labels translated once (get_FOO_display translates every choice on each
        # call), one reversal for every row's link, each date formatted once.
        statuses = choice_labels(Status.choices)
        channels = choice_labels(Channel.choices)
        link, date = link_for_each("advisory-request-detail"), date_for_each()
        rows = [
            _queue_row(row, today, statuses, channels, link, date)
            for row in selectors.queue_rows(page.object_list)
        ]
        return render_to_string("advisory/_queue_results.html", {"page": page, "rows": rows}, request)

    # The table is kept under the data version for this person and this query (base.dataversion):
    # opened again with nothing changed, the queue makes no query for its rows.
    table = remembered("advisory:queue", asked(request), results)
    # With htmx the filters refresh only the results; without JavaScript the form submits as usual.
    if request.htmx:
        return HttpResponse(table)
    return render(
        request,
        "advisory/queue.html",
        {
            "form": form,
            "results": table,
            "ack_days": selectors.ack_working_days(),
            "advise_days": selectors.advise_days(),
        },
    )


@login_required
def record(request):
    """An officer records a request received by phone, e-mail, in person or by referral."""
    require_office(request.user)
    categories = list(selectors.advice_categories())
    find = (request.GET.get("find") or "").strip()[:100]
    matches = list(selectors.people_search(request.user, find)) if find else []
    initial = {"received": timezone.localdate(), "channel": "email"}
    if chosen := (request.GET.get("requester") or "").strip()[:20]:
        initial["requester_index"] = chosen
    form = RecordForm(request.POST or None, request.FILES or None, categories=categories, initial=initial)
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.advice_request_record(
                actor=request.user,
                requester=d["requester_index"],
                intake_category=d["intake_category"],
                category=d["category"] or None,
                question=d["question"],
                channel=d["channel"],
                received=d["received"],
                entity=d["entity"],
                duty_station=d["duty_station"],
                files=d["attachments"],
            ),
            success=lambda req: _("Request %(ref)s is recorded.") % {"ref": req.service_request.ref},
            then=lambda req: back_to_request(req.pk),
        )
    ):
        return done
    return render(request, "advisory/record.html", {"form": form, "find": find, "matches": matches})


@login_required
def precedents(request):
    """Officers search precedents by category and words."""
    require_office(request.user)
    categories = list(selectors.advice_categories())
    category = request.GET.get("category", "")
    words = request.GET.get("q", "").strip()
    results = selectors.precedent_search(request.user, category=category, words=words)
    page = Paginator(results, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "advisory/precedents.html",
        {"page": page, "categories": categories, "category": category, "q": words},
    )


@login_required
def precedent_detail(request, pk):
    from ..permissions import access_precedent

    precedent = access_precedent(request.user, pk)
    return render(request, "advisory/precedent_detail.html", {"precedent": precedent})


@login_required
def precedent_create(request):
    """Publish an anonymised summary, optionally from an answered request (?source=<id>)."""
    require_office(request.user)
    source = None
    source_id = request.GET.get("source") or request.POST.get("source")
    if source_id:
        source = selectors.advice_requests_visible_to(request.user).filter(pk=source_id).first()
        if source is None:
            raise Http404
    categories = list(selectors.advice_categories())
    initial = {"category": source.category.code} if source and source.category else {}
    form = PrecedentForm(request.POST or None, categories=categories, initial=initial)
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.precedent_publish(
                actor=request.user,
                category=d["category"],
                title=d["title"],
                summary=d["summary"],
                source_id=source.pk if source else None,
            ),
            success=_("The precedent is published."),
            then=lambda precedent: reverse("advisory-precedent-detail", kwargs={"pk": precedent.pk}),
        )
    ):
        return done
    return render(request, "advisory/precedent_form.html", {"form": form, "source": source})
