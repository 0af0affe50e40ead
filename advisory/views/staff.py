"""The Roadmap and the staff member's pages: ask, confirmation, my requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error
from ethics_office.base.roles import Role, has_role

from .. import selectors, services
from ..forms import (
    AskForm,
    RoadmapEntryForm,
)
from ..models import RoadmapEntry
from .common import category_descriptions

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
            add_application_error(form, exc)
        else:
            return redirect("advisory-submitted", pk=req.pk)
    descriptions = category_descriptions(categories)
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
