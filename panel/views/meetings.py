"""Pages for the Panel's meetings: agenda, decisions, attendance, minutes and documents."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.files import private_download
from ethics_office.base.forms import form_action, form_submit
from ethics_office.base.gates import require_office
from ethics_office.base.roles import is_office

from .. import forms, services
from ..models import AgendaItem, MinutesStatus
from ..permissions import (
    access_meeting,
)
from ..selectors import (
    MEETING_ORDERS,
    meeting_documents_visible_to,
    meetings_visible_to,
    member_offices_named,
    sorted_list,
)
from .common import PAGE_SIZE, require_panel_records

# --- meetings --------------------------------------------------------------------------


@login_required
def meeting_list(request):
    require_panel_records(request.user)
    page = Paginator(
        sorted_list(meetings_visible_to(request.user), request.GET.get("sort"), MEETING_ORDERS), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(request, "panel/meeting_list.html", {"page": page, "can_edit": is_office(request.user)})


@login_required
def meeting_create(request):
    require_office(request.user)
    form = forms.MeetingForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.meeting_create(actor=request.user, **d),
            success=lambda meeting: _("Meeting %(ref)s recorded.") % {"ref": meeting.ref},
            then=lambda meeting: reverse("panel-meeting-detail", kwargs={"pk": meeting.pk}),
        )
    ):
        return done
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
    access_meeting(request.user, pk, for_write=False)
    return form_action(
        request,
        forms.AgendaItemForm(request.POST),
        lambda d: services.agenda_item_add(actor=request.user, meeting_id=pk, **d),
        success=None,
        back=reverse("panel-meeting-detail", kwargs={"pk": pk}),
        invalid=_("Enter the agenda item."),
    )


@login_required
@require_POST
def meeting_item_decide(request, pk, item_pk):
    access_meeting(request.user, pk)
    if not AgendaItem.objects.filter(pk=item_pk, meeting_id=pk).exists():
        raise Http404
    return form_action(
        request,
        forms.DecisionForm(request.POST),
        lambda d: services.agenda_item_decide(actor=request.user, item_id=item_pk, **d),
        success=None,
        back=reverse("panel-meeting-detail", kwargs={"pk": pk}),
    )


@login_required
@require_POST
def meeting_attendance(request, pk):
    access_meeting(request.user, pk)
    return form_action(
        request,
        forms.AttendanceForm(request.POST),
        lambda d: services.meeting_attendance_set(
            actor=request.user, meeting_id=pk, offices=d["offices"], note=d["note"]
        ),
        success=_("Attendance saved."),
        back=reverse("panel-meeting-detail", kwargs={"pk": pk}),
    )


@login_required
@require_POST
def meeting_minutes(request, pk):
    access_meeting(request.user, pk)
    to = MinutesStatus.APPROVED if request.POST.get("action") == "approve" else MinutesStatus.DRAFT
    return form_action(
        request,
        forms.MinutesForm(request.POST),
        lambda d: services.meeting_minutes_transition(
            actor=request.user, meeting_id=pk, to=to, text=d["minutes"]
        ),
        success=_("Minutes approved.") if to == MinutesStatus.APPROVED else _("Draft minutes saved."),
        back=reverse("panel-meeting-detail", kwargs={"pk": pk}),
    )


@login_required
@require_POST
def meeting_document_add(request, pk):
    access_meeting(request.user, pk)
    return form_action(
        request,
        forms.DocumentForm(request.POST, request.FILES),
        lambda d: services.meeting_document_add(
            actor=request.user,
            meeting_id=pk,
            title=d["title"],
            upload=d["file"],
        ),
        success=_("Document added."),
        back=reverse("panel-meeting-detail", kwargs={"pk": pk}),
        invalid=_("Choose a file to upload."),
    )


@login_required
def document_download(request, pk):
    document = services.meeting_document_read(actor=request.user, document_id=pk)
    return private_download(
        document.file, filename=document.original_name, content_type=document.content_type
    )
