"""The risk register: the office records findings and actions; an owner (mission head) reads theirs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.errors import ApplicationError
from ethics_office.base.roles import Role, has_role, is_office

from .. import services
from ..forms import ActionForm, ActionStatusForm, EntryStatusForm, RegisterEntryForm
from ..models import Status
from ..permissions import access_action, access_assessment, access_register_entry, require_office
from ..selectors import REGISTER_ORDERS, register_entries_visible_to, sorted_list
from .common import show_error


@login_required
def register_list(request):
    if not (is_office(request.user) or has_role(request.user, Role.FOCAL_POINT)):
        raise Http404
    entries = sorted_list(
        register_entries_visible_to(request.user).order_by("-likelihood", "-severity", "pk"),
        request.GET.get("sort"),
        REGISTER_ORDERS,
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "assessment/register.html", {"page": page, "office": is_office(request.user)})


@login_required
@require_POST
def register_add(request, pk):
    require_office(request.user)
    access_assessment(request.user, pk)
    form = RegisterEntryForm(request.POST)
    if form.is_valid():
        try:
            entry = services.register_entry_add(actor=request.user, assessment_id=pk, **form.cleaned_data)
            messages.success(request, _("Added to the risk register."))
            return redirect("assessment-register-entry", pk=entry.pk)
        except ApplicationError as exc:
            show_error(request, exc)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("assessment-results", pk=pk)


@login_required
def register_entry(request, pk):
    entry = access_register_entry(request.user, pk)
    office = is_office(request.user)
    action_form = ActionForm(request.POST or None) if office else None
    status_form = EntryStatusForm(initial={"status": entry.status, "remeasure_in": entry.remeasure_in_id})
    if request.method == "POST":
        require_office(request.user)
        try:
            if "status" in request.POST:
                status_form = EntryStatusForm(request.POST)
                if status_form.is_valid():
                    services.register_entry_update(
                        actor=request.user, entry_id=pk, **status_form.cleaned_data
                    )
                    messages.success(request, _("Register entry updated."))
                    return redirect("assessment-register-entry", pk=pk)
            elif action_form.is_valid():
                services.remedial_action_add(actor=request.user, entry_id=pk, **action_form.cleaned_data)
                messages.success(request, _("Remedial action added."))
                return redirect("assessment-register-entry", pk=pk)
        except ApplicationError as exc:
            show_error(request, exc)
    return render(
        request,
        "assessment/register_entry.html",
        {
            "entry": entry,
            "measures": _measures(entry, office),
            "actions": entry.actions.all(),
            "office": office,
            "action_form": action_form,
            "status_form": status_form,
            "action_status_form": ActionStatusForm,
        },
    )


@login_required
@require_POST
def action_update(request, pk):
    action = access_action(request.user, pk)
    require_office(request.user)
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        try:
            services.remedial_action_update(
                actor=request.user, action_id=pk, status=form.cleaned_data["status"]
            )
            messages.success(request, _("Action updated."))
        except ApplicationError as exc:
            show_error(request, exc)
    return redirect("assessment-register-entry", pk=action.entry_id)


def _measures(entry, office: bool) -> list[dict]:
    """The risk as the owner's staff rated it in the finding's wave and in the wave that re-measures
    it: favourable share (suppressed cells stay hidden); a mission head sees published waves only."""
    from .. import results

    rows = []
    for wave in [entry.assessment, entry.remeasure_in]:
        if wave is None or (not office and wave.status != Status.PUBLISHED):
            continue
        res = results.compute(wave, with_comparison=False)
        cell = res.risk_by_mission.get((entry.owner.code, entry.risk.code))
        if cell is None:
            continue
        rows.append({"wave": wave, "cell": cell, "min_cell": res.min_cell_size})
    return rows
