"""Browser pages for the Panel: parse, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.core.errors import ApplicationError
from ethics_office.organisation.roles import is_office

from . import forms, services
from .models import AgendaItem, MinutesStatus
from .permissions import (
    access_annual_report,
    access_consultation,
    access_meeting,
    access_meeting_document,
    access_member_office,
    require_office,
)
from .selectors import (
    annual_reports_visible_to,
    consultations_visible_to,
    meeting_documents_visible_to,
    meetings_visible_to,
    member_office_names_visible_to,
    member_offices_named,
    member_offices_visible_to,
    panel_names_visible_to,
    sees_panel_records,
)

PAGE_SIZE = 50


def _require_panel_records(user):
    if not sees_panel_records(user):
        raise Http404


def _flash_error(request, exc: ApplicationError):
    messages.error(request, str(exc.message))


# --- meetings --------------------------------------------------------------------------


@login_required
def meeting_list(request):
    _require_panel_records(request.user)
    page = Paginator(meetings_visible_to(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "panel/meeting_list.html", {"page": page, "can_edit": is_office(request.user)})


@login_required
def meeting_create(request):
    require_office(request.user)
    form = forms.MeetingForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(request, _("Meeting %(ref)s recorded.") % {"ref": meeting.ref})
            return redirect("panel-meeting-detail", pk=meeting.pk)
    return render(request, "panel/form.html", {"form": form, "title": _("Record a Panel meeting")})


@login_required
def meeting_detail(request, pk):
    meeting = access_meeting(request.user, pk)
    can_edit = is_office(request.user)
    context = {
        "meeting": meeting,
        "items": AgendaItem.objects.filter(meeting=meeting),
        "offices": member_offices_named().filter(meetings_attended=meeting),
        "documents": meeting_documents_visible_to(request.user).filter(meeting=meeting),
        "can_edit": can_edit,
        "minutes_editable": can_edit and meeting.minutes_status != MinutesStatus.APPROVED,
    }
    if context["minutes_editable"]:
        context.update(
            item_form=forms.AgendaItemForm(),
            attendance_form=forms.AttendanceForm(
                initial={"offices": list(meeting.attending_offices.all()), "note": meeting.attendance_note}
            ),
            minutes_form=forms.MinutesForm(initial={"minutes": meeting.minutes}),
        )
    if can_edit:
        # Documents (e.g. the signed minutes) may still be added after approval.
        context["document_form"] = forms.DocumentForm()
    return render(request, "panel/meeting_detail.html", context)


@login_required
@require_POST
def meeting_item_add(request, pk):
    form = forms.AgendaItemForm(request.POST)
    access_meeting(request.user, pk, for_write=False)
    if form.is_valid():
        try:
            services.agenda_item_add(actor=request.user, meeting_id=pk, **form.cleaned_data)
        except ApplicationError as exc:
            _flash_error(request, exc)
    else:
        messages.error(request, _("Enter the agenda item."))
    return redirect("panel-meeting-detail", pk=pk)


@login_required
@require_POST
def meeting_item_decide(request, pk, item_pk):
    form = forms.DecisionForm(request.POST)
    access_meeting(request.user, pk)
    if not AgendaItem.objects.filter(pk=item_pk, meeting_id=pk).exists():
        raise Http404
    if form.is_valid():
        try:
            services.agenda_item_decide(actor=request.user, item_id=item_pk, **form.cleaned_data)
        except ApplicationError as exc:
            _flash_error(request, exc)
    return redirect("panel-meeting-detail", pk=pk)


@login_required
@require_POST
def meeting_attendance(request, pk):
    form = forms.AttendanceForm(request.POST)
    access_meeting(request.user, pk)
    if form.is_valid():
        services.meeting_attendance_set(
            actor=request.user,
            meeting_id=pk,
            offices=form.cleaned_data["offices"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Attendance saved."))
    return redirect("panel-meeting-detail", pk=pk)


@login_required
@require_POST
def meeting_minutes(request, pk):
    form = forms.MinutesForm(request.POST)
    access_meeting(request.user, pk)
    to = MinutesStatus.APPROVED if request.POST.get("action") == "approve" else MinutesStatus.DRAFT
    if form.is_valid():
        try:
            services.meeting_minutes_transition(
                actor=request.user, meeting_id=pk, to=to, text=form.cleaned_data["minutes"]
            )
        except ApplicationError as exc:
            _flash_error(request, exc)
        else:
            messages.success(
                request, _("Minutes approved.") if to == MinutesStatus.APPROVED else _("Draft minutes saved.")
            )
    return redirect("panel-meeting-detail", pk=pk)


@login_required
@require_POST
def meeting_document_add(request, pk):
    form = forms.DocumentForm(request.POST, request.FILES)
    access_meeting(request.user, pk)
    if form.is_valid():
        try:
            services.meeting_document_add(
                actor=request.user,
                meeting_id=pk,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ApplicationError as exc:
            _flash_error(request, exc)
        else:
            messages.success(request, _("Document added."))
    else:
        messages.error(request, _("Choose a file to upload."))
    return redirect("panel-meeting-detail", pk=pk)


@login_required
def document_download(request, pk):
    document = access_meeting_document(request.user, pk)
    audit_record(actor=request.user, action=Action.VIEW, obj=document, fields=["file"])
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )


# --- member offices ----------------------------------------------------------------------


@login_required
def office_list(request):
    _require_panel_records(request.user)
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
    form = forms.RenameForm(request.POST)
    if form.is_valid():
        try:
            services.panel_name_record(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _flash_error(request, exc)
        else:
            messages.success(request, _("New name recorded."))
    else:
        messages.error(request, _("Enter the new name and the date it applies from."))
    return redirect("panel-offices")


@login_required
def office_create(request):
    require_office(request.user)
    form = forms.MemberOfficeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_office_create(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(request, _("Member office added."))
            return redirect("panel-offices")
    return render(request, "panel/form.html", {"form": form, "title": _("Add a member office")})


@login_required
@require_POST
def office_rename(request, pk):
    access_member_office(request.user, pk)
    form = forms.RenameForm(request.POST)
    if form.is_valid():
        try:
            services.member_office_rename(actor=request.user, office_id=pk, **form.cleaned_data)
        except ApplicationError as exc:
            _flash_error(request, exc)
        else:
            messages.success(request, _("New name recorded."))
    else:
        messages.error(request, _("Enter the new name and the date it applies from."))
    return redirect("panel-offices")


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
            forms.add_service_error(form, exc)
        else:
            messages.success(request, _("Consultation %(ref)s opened.") % {"ref": consultation.ref})
            return redirect("panel-consultation-detail", pk=consultation.pk)
    return render(request, "panel/form.html", {"form": form, "title": _("Open a consultation")})


@login_required
def consultation_detail(request, pk):
    consultation = access_consultation(request.user, pk)
    # Confidential case material: every reading is recorded.
    audit_record(actor=request.user, action=Action.VIEW, obj=consultation, fields=["summary", "outcome_note"])
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


# --- member offices' annual reports ------------------------------------------------------


@login_required
def report_list(request):
    _require_panel_records(request.user)
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
    if request.method == "POST" and form.is_valid():
        try:
            services.annual_report_receive(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(request, _("Annual report recorded."))
            return redirect("panel-reports")
    return render(
        request, "panel/form.html", {"form": form, "title": _("Record a member office's annual report")}
    )


@login_required
@require_POST
def report_review(request, pk):
    access_annual_report(request.user, pk)
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.annual_report_review(actor=request.user, report_id=pk, **form.cleaned_data)
        except ApplicationError as exc:
            _flash_error(request, exc)
        else:
            messages.success(request, _("Review recorded."))
    else:
        messages.error(request, _("Enter the date of the review."))
    return redirect("panel-reports")
