"""The Roadmap and the staff member's pages: ask, confirmation, my requests."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ethics_office.base.forms import form_submit
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
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.roadmap_entry_save(actor=request.user, entry=entry, data=d),
            success=_("The Roadmap is updated."),
            then="advisory-roadmap",
        )
    ):
        return done
    return render(request, "advisory/roadmap_form.html", {"form": form, "entry": entry})


# --- Staff: ask, confirmation, my requests ---------------------------------------------


@login_required
def ask(request):
    """A staff member asks a confidential question, with optional attachments."""
    if not has_role(request.user, Role.STAFF):
        raise Http404
    categories = list(selectors.advice_categories())
    form = AskForm(request.POST or None, request.FILES or None, categories=categories)
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.advice_request_submit(
                actor=request.user, category=d["category"], question=d["question"], files=d["attachments"]
            ),
            success=None,
            then=lambda req: reverse("advisory-submitted", kwargs={"pk": req.pk}),
        )
    ):
        return done
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
