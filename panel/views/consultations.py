"""Pages for consultations: the office manages them; panel members read what is shared."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error
from ethics_office.base.gates import require_office
from ethics_office.base.roles import is_office

from .. import forms, services
from ..permissions import (
    access_consultation,
)
from ..selectors import consultations_visible_to
from ._common import PAGE_SIZE, _flash_error, _require_panel_records

# --- consultations -----------------------------------------------------------------------


@login_required
def consultation_list(request):
    _require_panel_records(request.user)
    page = Paginator(consultations_visible_to(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "panel/consultation_list.html", {"page": page, "can_edit": is_office(request.user)}
    )


@login_required
def consultation_create(request):
    require_office(request.user)
    form = forms.ConsultationForm(request.POST or None, initial={"received": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_open(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Consultation %(ref)s opened.") % {"ref": consultation.ref})
            return redirect("panel-consultation-detail", pk=consultation.pk)
    return render(request, "panel/form.html", {"form": form, "title": _("Open a consultation")})


@login_required
def consultation_detail(request, pk):
    consultation = services.consultation_read(actor=request.user, consultation_id=pk)
    can_edit = is_office(request.user)
    context = {
        "c": consultation,
        "shared_with": consultation.shared_with.order_by("username"),
        "can_edit": can_edit,
    }
    if can_edit:
        context.update(
            share_form=forms.ShareForm(initial={"users": list(consultation.shared_with.all())}),
            close_form=forms.CloseForm(),
        )
    return render(request, "panel/consultation_detail.html", context)


@login_required
@require_POST
def consultation_share(request, pk):
    access_consultation(request.user, pk)
    form = forms.ShareForm(request.POST)
    if form.is_valid():
        try:
            services.consultation_share(
                actor=request.user, consultation_id=pk, users=form.cleaned_data["users"]
            )
        except ApplicationError as exc:
            _flash_error(request, exc)
        else:
            messages.success(request, _("Sharing updated."))
    else:
        messages.error(request, _("Choose panel members only."))
    return redirect("panel-consultation-detail", pk=pk)


@login_required
@require_POST
def consultation_transition(request, pk):
    access_consultation(request.user, pk)
    to = request.POST.get("to", "")
    form = forms.CloseForm(request.POST)
    outcome, note = "", ""
    if to == "closed":
        if not form.is_valid():
            messages.error(request, _("Record the outcome to close the consultation."))
            return redirect("panel-consultation-detail", pk=pk)
        outcome, note = form.cleaned_data["outcome"], form.cleaned_data["outcome_note"]
    try:
        services.consultation_transition(
            actor=request.user, consultation_id=pk, to=to, outcome=outcome, outcome_note=note
        )
    except ApplicationError as exc:
        _flash_error(request, exc)
    else:
        messages.success(request, _("Consultation updated."))
    return redirect("panel-consultation-detail", pk=pk)
