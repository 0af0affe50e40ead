"""Pages for member offices (and the Panel's own name) and their annual reports."""

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
    access_annual_report,
    access_member_office,
)
from ..selectors import (
    annual_reports_visible_to,
    member_office_names_visible_to,
    member_offices_visible_to,
    panel_names_visible_to,
)
from .common import PAGE_SIZE, require_panel_records

# --- member offices ----------------------------------------------------------------------


@login_required
def office_list(request):
    require_panel_records(request.user)
    offices = member_offices_visible_to(request.user).order_by("code")
    names = member_office_names_visible_to(request.user).order_by("office__code", "-valid_from")
    history: dict[int, list] = {}
    for name in names:
        history.setdefault(name.office_id, []).append(name)
    rows = [(office, history.get(office.pk, [])) for office in offices]
    return render(
        request,
        "panel/office_list.html",
        {
            "rows": rows,
            "panel_names": panel_names_visible_to(request.user),
            "can_edit": is_office(request.user),
            "rename_form": forms.RenameForm(),
        },
    )


@login_required
@require_POST
def panel_name_record(request):
    require_office(request.user)
    return form_action(
        request,
        forms.RenameForm(request.POST),
        lambda d: services.panel_name_record(actor=request.user, **d),
        success=_("New name recorded."),
        back=reverse("panel-offices"),
        invalid=_("Enter the new name and the date it applies from."),
    )


@login_required
def office_create(request):
    require_office(request.user)
    form = forms.MemberOfficeForm(request.POST or None)
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.member_office_create(actor=request.user, **d),
            success=_("Member office added."),
            then="panel-offices",
        )
    ):
        return done
    return render(request, "panel/form.html", {"form": form, "title": _("Add a member office")})


@login_required
@require_POST
def office_rename(request, pk):
    access_member_office(request.user, pk)
    return form_action(
        request,
        forms.RenameForm(request.POST),
        lambda d: services.member_office_rename(actor=request.user, office_id=pk, **d),
        success=_("New name recorded."),
        back=reverse("panel-offices"),
        invalid=_("Enter the new name and the date it applies from."),
    )


# --- member offices' annual reports ------------------------------------------------------


@login_required
def report_list(request):
    require_panel_records(request.user)
    page = Paginator(annual_reports_visible_to(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "panel/report_list.html",
        {"page": page, "can_edit": is_office(request.user), "review_form": forms.ReviewForm()},
    )


@login_required
def report_create(request):
    require_office(request.user)
    form = forms.AnnualReportForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.annual_report_receive(actor=request.user, **d),
            success=_("Annual report recorded."),
            then="panel-reports",
        )
    ):
        return done
    return render(
        request, "panel/form.html", {"form": form, "title": _("Record a member office's annual report")}
    )


@login_required
@require_POST
def report_review(request, pk):
    access_annual_report(request.user, pk)
    return form_action(
        request,
        forms.ReviewForm(request.POST),
        lambda d: services.annual_report_review(actor=request.user, report_id=pk, **d),
        success=_("Review recorded."),
        back=reverse("panel-reports"),
        invalid=_("Enter the date of the review."),
    )
