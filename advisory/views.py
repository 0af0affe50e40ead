"""Browser pages: parse, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.core.errors import ApplicationError, ValidationFailed
from ethics_office.organisation.roles import Role, has_role, is_office

from . import selectors, services
from .forms import (
    AskForm,
    AssignForm,
    MessageForm,
    NoteForm,
    OutcomeForm,
    PrecedentForm,
    QueueFilterForm,
    RecordForm,
    RoadmapEntryForm,
    TransitionForm,
    VendorForm,
)
from .models import RoadmapEntry
from .workflow import ALLOWED, REQUESTER_MAY, Status


def _office_only(user):
    if not is_office(user):
        raise Http404


def _form_error(form, exc: ApplicationError):
    """Put a service's refusal beside the field it concerns (or at the top of the form)."""
    if isinstance(exc, ValidationFailed) and exc.errors:
        for field, errors in exc.errors.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
        return
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))


def _category_descriptions(categories):
    zh = (get_language() or "").startswith("zh")
    return {c.code: (c.description_zh if zh and c.description_zh else c.description) for c in categories}


# --- The Roadmap -----------------------------------------------------------------------


@login_required
def roadmap(request):
    """Where to take a concern: the Ethics Office and the other offices."""
    return render(
        request,
        "advisory/roadmap.html",
        {"entries": selectors.roadmap_entries(), "can_edit": has_role(request.user, Role.ADMIN)},
    )


@login_required
def roadmap_edit(request, pk=None):
    """Administrators edit the Roadmap in both languages."""
    if not has_role(request.user, Role.ADMIN):
        raise Http404
    entry = None
    if pk is not None:
        entry = RoadmapEntry.objects.filter(pk=pk).first()
        if entry is None:
            raise Http404
    form = RoadmapEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        services.roadmap_entry_save(actor=request.user, entry=entry, data=form.cleaned_data)
        messages.success(request, _("The Roadmap is updated."))
        return redirect("advisory-roadmap")
    return render(request, "advisory/roadmap_form.html", {"form": form, "entry": entry})


# --- Staff: ask, confirmation, my requests ---------------------------------------------


@login_required
def ask(request):
    """A staff member asks a confidential question, with optional attachments."""
    if not has_role(request.user, Role.STAFF):
        raise Http404
    categories = list(selectors.advice_categories())
    form = AskForm(request.POST or None, request.FILES or None, categories=categories)
    if request.method == "POST" and form.is_valid():
        try:
            req = services.advice_request_submit(
                actor=request.user,
                category=form.cleaned_data["category"],
                question=form.cleaned_data["question"],
                files=form.cleaned_data["attachments"],
            )
        except ApplicationError as exc:
            _form_error(form, exc)
        else:
            return redirect("advisory-submitted", pk=req.pk)
    descriptions = _category_descriptions(categories)
    options = [(radio, descriptions.get(radio.data["value"], "")) for radio in form["category"]]
    return render(request, "advisory/ask.html", {"form": form, "options": options})


@login_required
def submitted(request, pk):
    """The confirmation: the reference and what happens next."""
    req = selectors.advice_requests_of_requester(request.user).filter(pk=pk).first()
    if req is None:
        raise Http404
    return render(
        request,
        "advisory/submitted.html",
        {"req": req, "clock": selectors.clock_of(req), "advise_days": selectors.advise_days()},
    )


@login_required
def my_requests(request):
    """The requester's own requests and their status."""
    page = Paginator(selectors.advice_requests_of_requester(request.user), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "advisory/my_requests.html", {"page": page})


# --- One request: the requester's page or the office's case page -----------------------


@login_required
def request_detail(request, pk):
    req = services.advice_request_open(actor=request.user, pk=pk)
    thread = list(selectors.thread_of(req))
    attachments = list(selectors.attachments_of(req))
    context = {"req": req, "thread": thread, "attachments": attachments, "clock": selectors.clock_of(req)}
    if not selectors.sees_as_office(request.user, req):
        context.update(
            message_form=MessageForm(),
            can_write=req.status not in (Status.CLOSED, Status.WITHDRAWN),
            can_withdraw=Status.WITHDRAWN in REQUESTER_MAY.get(req.status, set()),
            show_advice=req.status in (Status.ADVISED, Status.CLOSED) and bool(req.advice or req.outcome),
        )
        return render(request, "advisory/request_requester.html", context)
    handler = selectors.can_handle(request.user, req)
    officers = selectors.officers_for_assignment()
    context.update(
        handler=handler,
        may_assign=has_role(request.user, Role.DIRECTOR) or req.assigned_to_id in (None, request.user.pk),
        notes=list(selectors.notes_of(req)),
        others=list(selectors.other_requests_of_requester(req, request.user)[:20]),
        message_form=MessageForm(),
        note_form=NoteForm(),
        assign_form=AssignForm(officers=officers, initial={"officer": req.assigned_to_id or request.user.pk}),
        transitions=[
            (s, Status(s).label)
            for s in Status.values
            if s in ALLOWED.get(req.status, set()) and s != Status.ASSIGNED
        ],
        outcome_form=OutcomeForm(
            initial={
                "outcome": req.outcome or "advised",
                "advice": req.advice,
                "referred_to": req.referred_to,
            }
        ),
        vendor_form=VendorForm(
            initial={
                "vendor_name": req.vendor_name,
                "recommendation": req.vendor_recommendation,
                "note": req.vendor_note,
            }
        ),
        is_procurement=bool(req.category and req.category.code == "procurement") or bool(req.vendor_name),
        may_publish=req.status in (Status.ADVISED, Status.CLOSED) and req.category_id is not None,
    )
    return render(request, "advisory/request_office.html", context)


def _refusal(exc) -> str:
    return str(getattr(exc, "message", None) or exc) or _("That is not allowed.")


def _post_action(request, pk, form_class, action, success):
    """Run one action from the case or requester page, then go back to it with a message."""
    form = form_class(request.POST, request.FILES or None)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("advisory-request-detail", pk=pk)
    try:
        action(form.cleaned_data)
    except (ApplicationError, PermissionDenied) as exc:
        messages.error(request, _refusal(exc))
    else:
        messages.success(request, success)
    return redirect("advisory-request-detail", pk=pk)


def _gate(request, pk):
    """404 before anything else for a request this user may not know exists."""
    return selectors.advice_requests_visible_to(request.user).filter(pk=pk).exists() or _raise404()


def _raise404():
    raise Http404


@login_required
@require_POST
def message_post(request, pk):
    _gate(request, pk)
    return _post_action(
        request,
        pk,
        MessageForm,
        lambda d: services.advice_message_post(
            actor=request.user, request_id=pk, body=d["body"], files=d["attachments"]
        ),
        _("Your message is sent."),
    )


@login_required
@require_POST
def note_add(request, pk):
    _gate(request, pk)
    _office_only(request.user)
    return _post_action(
        request,
        pk,
        NoteForm,
        lambda d: services.internal_note_add(actor=request.user, request_id=pk, body=d["body"]),
        _("The note is saved."),
    )


@login_required
@require_POST
def assign(request, pk):
    _gate(request, pk)
    _office_only(request.user)
    officers = selectors.officers_for_assignment()
    form = AssignForm(request.POST, officers=officers)
    if not form.is_valid():
        messages.error(request, _("Choose an ethics officer."))
        return redirect("advisory-request-detail", pk=pk)
    try:
        services.advice_request_assign(
            actor=request.user, request_id=pk, officer=form.cleaned_data["officer"]
        )
    except (ApplicationError, PermissionDenied) as exc:
        messages.error(request, _refusal(exc))
    else:
        messages.success(request, _("The request is assigned."))
    return redirect("advisory-request-detail", pk=pk)


@login_required
@require_POST
def transition(request, pk):
    _gate(request, pk)
    return _post_action(
        request,
        pk,
        TransitionForm,
        lambda d: services.advice_request_transition(actor=request.user, request_id=pk, to=d["to"]),
        _("The status is changed."),
    )


@login_required
@require_POST
def outcome(request, pk):
    _gate(request, pk)
    _office_only(request.user)
    return _post_action(
        request,
        pk,
        OutcomeForm,
        lambda d: services.advice_request_conclude(
            actor=request.user,
            request_id=pk,
            outcome=d["outcome"],
            advice=d["advice"],
            referred_to=d["referred_to"],
        ),
        _("The outcome is recorded."),
    )


@login_required
@require_POST
def vendor(request, pk):
    _gate(request, pk)
    _office_only(request.user)
    return _post_action(
        request,
        pk,
        VendorForm,
        lambda d: services.advice_request_vendor_set(
            actor=request.user,
            request_id=pk,
            vendor_name=d["vendor_name"],
            recommendation=d["recommendation"],
            note=d["note"],
        ),
        _("The vendor recommendation is saved."),
    )


@login_required
def attachment_download(request, pk):
    """Files are only ever served here, after the gate."""
    attachment = services.attachment_open(actor=request.user, pk=pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


# --- The office: queue, recording on behalf, precedents --------------------------------


@login_required
def queue(request):
    """The triage queue with filters, search, sort and overdue highlighting."""
    _office_only(request.user)
    categories = list(selectors.advice_categories())
    officers = list(selectors.officers_for_assignment())
    form = QueueFilterForm(request.GET or None, categories=categories, officers=officers)
    filters = form.filters() if request.GET else {"open_only": True}
    page = Paginator(selectors.advice_queue(request.user, filters=filters), 50).get_page(
        request.GET.get("page")
    )
    today = timezone.localdate()
    rows = [(req, selectors.clock_of(req, today)) for req in page.object_list]
    return render(
        request,
        "advisory/queue.html",
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
    _office_only(request.user)
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
            _form_error(form, exc)
        else:
            messages.success(request, _("Request %(ref)s is recorded.") % {"ref": req.service_request.ref})
            return redirect("advisory-request-detail", pk=req.pk)
    return render(request, "advisory/record.html", {"form": form})


@login_required
def precedents(request):
    """Officers search precedents by category and words."""
    _office_only(request.user)
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
    from .permissions import access_precedent

    precedent = access_precedent(request.user, pk)
    return render(request, "advisory/precedent_detail.html", {"precedent": precedent})


@login_required
def precedent_create(request):
    """Publish an anonymised summary, optionally from an answered request (?source=<id>)."""
    _office_only(request.user)
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
                _form_error(form, exc)
            else:
                raise
        else:
            messages.success(request, _("The precedent is published."))
            return redirect("advisory-precedent-detail", pk=precedent.pk)
    return render(request, "advisory/precedent_form.html", {"form": form, "source": source})
