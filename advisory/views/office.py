"""The office's pages: the queue, recording on behalf, precedents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error
from ethics_office.base.gates import require_office

from .. import selectors, services
from ..forms import (
    PrecedentForm,
    QueueFilterForm,
    RecordForm,
)

# --- The office: queue, recording on behalf, precedents --------------------------------


@login_required
def queue(request):
    """The triage queue with filters, search, sort and overdue highlighting."""
    require_office(request.user)
    categories = list(selectors.advice_categories())
    officers = list(selectors.officers_for_assignment())
    form = QueueFilterForm(request.GET or None, categories=categories, officers=officers)
    filters = form.filters() if request.GET else {"open_only": True}
    page = Paginator(selectors.advice_queue(request.user, filters=filters), 50).get_page(
        request.GET.get("page")
    )
    today = timezone.localdate()
    rows = [(req, selectors.clock_of(req, today)) for req in page.object_list]
    # With htmx the filters refresh only the results; without JavaScript the form submits as usual.
    template = "advisory/_queue_results.html" if request.htmx else "advisory/queue.html"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "rows": rows,
            "ack_days": selectors.ack_working_days(),
            "advise_days": selectors.advise_days(),
        },
    )


@login_required
def record(request):
    """An officer records a request received by phone, e-mail, in person or by referral."""
    require_office(request.user)
    categories = list(selectors.advice_categories())
    form = RecordForm(
        request.POST or None,
        request.FILES or None,
        categories=categories,
        initial={"received": timezone.localdate(), "channel": "email"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            req = services.advice_request_record(
                actor=request.user,
                requester=data["requester_index"],
                intake_category=data["intake_category"],
                category=data["category"] or None,
                question=data["question"],
                channel=data["channel"],
                received=data["received"],
                entity=data["entity"],
                duty_station=data["duty_station"],
                files=data["attachments"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Request %(ref)s is recorded.") % {"ref": req.service_request.ref})
            return redirect("advisory-request-detail", pk=req.pk)
    return render(request, "advisory/record.html", {"form": form})


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
    if request.method == "POST" and form.is_valid():
        try:
            precedent = services.precedent_publish(
                actor=request.user,
                category=form.cleaned_data["category"],
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
                source_id=source.pk if source else None,
            )
        except (ApplicationError, PermissionDenied) as exc:
            if isinstance(exc, ApplicationError):
                add_application_error(form, exc)
            else:
                raise
        else:
            messages.success(request, _("The precedent is published."))
            return redirect("advisory-precedent-detail", pk=precedent.pk)
    return render(request, "advisory/precedent_form.html", {"form": form, "source": source})
