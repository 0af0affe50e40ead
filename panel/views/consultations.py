"""Pages for consultations: the office manages them; panel members read what is shared."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.forms import form_action, form_submit
from ethics_office.base.gates import require_office
from ethics_office.base.roles import is_office

from .. import forms, services
from ..permissions import (
    access_consultation,
)
from ..selectors import CONSULTATION_ORDERS, consultations_visible_to, sorted_list
from .common import PAGE_SIZE, require_panel_records

# --- consultations -----------------------------------------------------------------------


@login_required
def consultation_list(request):
    require_panel_records(request.user)
    page = Paginator(
        sorted_list(consultations_visible_to(request.user), request.GET.get("sort"), CONSULTATION_ORDERS),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(
        request, "panel/consultation_list.html", {"page": page, "can_edit": is_office(request.user)}
    )


@login_required
def consultation_create(request):
    require_office(request.user)
    form = forms.ConsultationForm(request.POST or None, initial={"received": timezone.localdate()})
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.consultation_open(actor=request.user, **d),
            success=lambda consultation: _("Consultation %(ref)s opened.") % {"ref": consultation.ref},
            then=lambda consultation: reverse("panel-consultation-detail", kwargs={"pk": consultation.pk}),
        )
    ):
        return done
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
    return form_action(
        request,
        forms.ShareForm(request.POST),
        lambda d: services.consultation_share(actor=request.user, consultation_id=pk, users=d["users"]),
        success=_("Sharing updated."),
        back=reverse("panel-consultation-detail", kwargs={"pk": pk}),
        invalid=_("Choose panel members only."),
    )


@login_required
@require_POST
def consultation_transition(request, pk):
    access_consultation(request.user, pk)
    to = request.POST.get("to", "")
    # Closing records the outcome (the form); reopening is a button with nothing to fill in.
    return form_action(
        request,
        forms.CloseForm(request.POST) if to == "closed" else None,
        lambda d: services.consultation_transition(
            actor=request.user,
            consultation_id=pk,
            to=to,
            outcome=d.get("outcome", ""),
            outcome_note=d.get("outcome_note", ""),
        ),
        success=_("Consultation updated."),
        back=reverse("panel-consultation-detail", kwargs={"pk": pk}),
        invalid=_("Record the outcome to close the consultation."),
    )
