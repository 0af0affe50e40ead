"""Pages for the Panel's meetings: agenda, decisions, attendance, minutes and documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.errors import ApplicationError
from ethics_office.base.files import private_download
from ethics_office.base.forms import add_application_error
from ethics_office.base.gates import require_office
from ethics_office.base.roles import is_office

from .. import forms, services
from ..models import AgendaItem, MinutesStatus
from ..permissions import (
    access_meeting,
)
from ..selectors import (
    meeting_documents_visible_to,
    meetings_visible_to,
    member_offices_named,
)
from ._common import PAGE_SIZE, _flash_error, _require_panel_records

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
            add_application_error(form, exc)
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
    document = services.meeting_document_read(actor=request.user, document_id=pk)
    return private_download(
        document.file, filename=document.original_name, content_type=document.content_type
    )
