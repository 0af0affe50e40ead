"""Browser pages for outreach, training and education: parse, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.core.errors import ApplicationError, ValidationFailed
from ethics_office.organisation.roles import is_office

from . import forms, services
from .models import ManagementLevel, MissionMeetingKind, TrainingRequestStatus
from .permissions import (
    access_briefing,
    access_mission,
    access_training_request,
    access_training_session,
    may_request_training,
    require_office,
)
from .selectors import (
    briefings_visible_to,
    certifications_visible_to,
    completion_counts_visible_to,
    leadership_progress,
    mission_meetings_of,
    missions_visible_to,
    publications_visible_to,
    training_requests_visible_to,
    training_sessions_visible_to,
    website_visits_visible_to,
)

PAGE_SIZE = 50


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _form_page(request, form, title, **extra):
    context = {"form": form, "title": title, "user_is_office": is_office(request.user), **extra}
    return render(request, "outreach/form.html", context)


# --- training sessions ----------------------------------------------------------------------


@login_required
def session_list(request):
    require_office(request.user)
    return render(
        request,
        "outreach/session_list.html",
        {"page": _page(request, training_sessions_visible_to(request.user))},
    )


@login_required
def session_create(request):
    require_office(request.user)
    training_request = None
    if request.GET.get("request") or request.POST.get("request"):
        training_request = access_training_request(
            request.user, request.GET.get("request") or request.POST.get("request")
        )
    form = forms.SessionForm(request.POST or None, initial={"date": timezone.localdate(), "kind": "workshop"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.training_session_record(
                actor=request.user,
                date=data["date"],
                kind=data["kind"],
                title=data["title"],
                duty_station=data["duty_station"],
                entity=data["entity"],
                facilitator=data["facilitator"],
                attendees=data["attendance"],
                participants=data["participants"],
                request=training_request,
            )
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(
                request,
                _("Session %(ref)s recorded with %(n)s participants.")
                % {"ref": session.ref, "n": session.participants},
            )
            return redirect("outreach-session-detail", pk=session.pk)
    return _form_page(
        request,
        form,
        _("Record a training session"),
        hidden={"request": training_request.pk} if training_request else {},
    )


@login_required
def session_detail(request, pk):
    session = access_training_session(request.user, pk)
    attendees = session.attendees.select_related("entity", "duty_station").order_by("name")
    certified = (
        session.facilitator_id is not None
        and certifications_visible_to(request.user).filter(trainer_id=session.facilitator_id).exists()
    )
    return render(
        request,
        "outreach/session_detail.html",
        {
            "session": session,
            "attendees": attendees,
            "facilitator_certified": certified,
            "attendance_form": forms.AttendanceForm(),
        },
    )


@login_required
@require_POST
def session_attendance(request, pk):
    access_training_session(request.user, pk)
    form = forms.AttendanceForm(request.POST)
    if form.is_valid():
        try:
            services.training_session_attendance_set(
                actor=request.user, session_id=pk, attendees=form.cleaned_data["attendance"]
            )
        except ApplicationError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Attendance list saved."))
    else:
        for error in form.errors.get("attendance", []):
            messages.error(request, error)
    return redirect("outreach-session-detail", pk=pk)


# --- training requests ---------------------------------------------------------------------------


@login_required
def request_list(request):
    """The office sees every request; a staff member sees only their own."""
    if not (is_office(request.user) or may_request_training(request.user)):
        raise Http404
    page = _page(request, training_requests_visible_to(request.user))
    return render(
        request,
        "outreach/request_list.html",
        {
            "page": page,
            "is_office": is_office(request.user),
            "can_request": may_request_training(request.user),
        },
    )


@login_required
def request_create(request):
    if not may_request_training(request.user):
        raise Http404
    form = forms.TrainingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            training_request = services.training_request_submit(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(
                request,
                _("Your request %(ref)s has been registered. The Ethics Office will contact you.")
                % {"ref": training_request.service_request.ref},
            )
            return redirect("outreach-request-detail", pk=training_request.pk)
    return _form_page(request, form, _("Ask for a training session for your team"))


@login_required
def request_detail(request, pk):
    training_request = access_training_request(request.user, pk)
    return render(
        request,
        "outreach/request_detail.html",
        {
            "r": training_request,
            "is_office": is_office(request.user),
            "sessions": training_request.sessions.order_by("date") if is_office(request.user) else [],
            "can_decline": training_request.status == TrainingRequestStatus.REQUESTED,
        },
    )


@login_required
@require_POST
def request_transition(request, pk):
    access_training_request(request.user, pk)
    try:
        services.training_request_transition(actor=request.user, request_id=pk, to=request.POST.get("to", ""))
    except ApplicationError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Request updated."))
    return redirect("outreach-request-detail", pk=pk)


# --- online course completions ------------------------------------------------------------------


@login_required
def completion_list(request):
    require_office(request.user)
    counts = completion_counts_visible_to(request.user).order_by("-period", "course")
    return render(
        request, "outreach/completion_list.html", {"page": _page(request, counts), "form": forms.ImportForm()}
    )


@login_required
def completion_import(request):
    require_office(request.user)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    row_errors = {}
    if request.method == "POST" and form.is_valid():
        try:
            result = services.course_completions_import(
                actor=request.user, data=form.cleaned_data["file"].read()
            )
        except ValidationFailed as exc:
            form.add_error("file", str(exc.message))
            row_errors = exc.errors
        else:
            messages.success(
                request,
                _("Imported %(created)s of %(rows)s rows (%(skipped)s already recorded).")
                % {"created": result.created, "rows": result.rows, "skipped": result.skipped},
            )
            return redirect("outreach-completions")
    return render(
        request,
        "outreach/completion_import.html",
        {"form": form, "row_errors": row_errors},
        status=400 if row_errors else 200,
    )


# --- missions -------------------------------------------------------------------------------------


@login_required
def mission_list(request):
    require_office(request.user)
    missions = missions_visible_to(request.user).order_by("-start", "-id")
    return render(request, "outreach/mission_list.html", {"page": _page(request, missions)})


@login_required
def mission_create(request):
    require_office(request.user)
    form = forms.MissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mission = services.outreach_mission_record(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(request, _("Mission %(ref)s recorded.") % {"ref": mission.ref})
            return redirect("outreach-mission-detail", pk=mission.pk)
    return _form_page(request, form, _("Record an outreach mission"))


@login_required
def mission_detail(request, pk):
    mission = access_mission(request.user, pk)
    return render(
        request,
        "outreach/mission_detail.html",
        {
            "mission": mission,
            "meetings": mission_meetings_of(mission),
            "meeting_form": forms.MissionMeetingForm(
                initial={"date": mission.start, "duty_station": mission.duty_station_id}
            ),
            "meeting_kinds": MissionMeetingKind.choices,
        },
    )


@login_required
@require_POST
def mission_meeting_add(request, pk):
    access_mission(request.user, pk)
    form = forms.MissionMeetingForm(request.POST)
    if form.is_valid():
        try:
            services.mission_meeting_add(actor=request.user, mission_id=pk, **form.cleaned_data)
        except ApplicationError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Meeting added."))
    else:
        messages.error(request, _("Check the meeting's kind, date, duty station and attendance."))
    return redirect("outreach-mission-detail", pk=pk)


# --- senior briefings -------------------------------------------------------------------------------


@login_required
def briefing_list(request):
    require_office(request.user)
    return render(
        request, "outreach/briefing_list.html", {"page": _page(request, briefings_visible_to(request.user))}
    )


@login_required
def briefing_create(request):
    require_office(request.user)
    form = forms.BriefingForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            briefing = services.senior_briefing_record(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(request, _("Briefing %(ref)s recorded.") % {"ref": briefing.ref})
            return redirect("outreach-briefing-detail", pk=briefing.pk)
    return _form_page(request, form, _("Record a confidential senior briefing"))


@login_required
def briefing_detail(request, pk):
    briefing = access_briefing(request.user, pk)
    # Confidential: every reading is recorded.
    audit_record(actor=request.user, action=Action.VIEW, obj=briefing, fields=["official", "notes"])
    return render(request, "outreach/briefing_detail.html", {"b": briefing})


# --- leadership dialogue ------------------------------------------------------------------------------


@login_required
def dialogue_dashboard(request):
    require_office(request.user)
    form = forms.DialogueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.leadership_dialogue_record(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(request, _("Leadership dialogue recorded."))
            return redirect("outreach-dialogue")
    rows, done, percent, per_level = leadership_progress(request.user)
    return render(
        request,
        "outreach/dialogue.html",
        {
            "rows": rows,
            "done": done,
            "percent": percent,
            "per_level": per_level,
            "entity_count": len(rows),
            "complete": sum(1 for _e, _c, n in rows if n == len(ManagementLevel.values)),
            "levels": ManagementLevel.choices,
            "form": form,
        },
    )


# --- publications and website visits ------------------------------------------------------------------


@login_required
def publication_list(request):
    require_office(request.user)
    return render(
        request,
        "outreach/publication_list.html",
        {
            "page": _page(request, publications_visible_to(request.user)),
            "visits": website_visits_visible_to(request.user).order_by("-period"),
            "visits_form": forms.VisitsForm(),
        },
    )


@login_required
def publication_create(request):
    require_office(request.user)
    form = forms.PublicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.publication_record(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(request, _("Publication recorded."))
            return redirect("outreach-publications")
    return _form_page(request, form, _("Record a publication"))


@login_required
@require_POST
def visits_record(request):
    require_office(request.user)
    form = forms.VisitsForm(request.POST)
    if form.is_valid():
        try:
            services.website_visits_record(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Website visits recorded."))
    else:
        messages.error(request, _("Give the period (for example 2011-2012) and the number of visits."))
    return redirect("outreach-publications")


# --- trainer certification ------------------------------------------------------------------------------


@login_required
def trainer_list(request):
    require_office(request.user)
    return render(
        request,
        "outreach/trainer_list.html",
        {"page": _page(request, certifications_visible_to(request.user))},
    )


@login_required
def trainer_certify(request):
    require_office(request.user)
    form = forms.CertificationForm(request.POST or None, initial={"certified_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.trainer_certify(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            forms.add_service_error(form, exc)
        else:
            messages.success(request, _("Certification recorded."))
            return redirect("outreach-trainers")
    return _form_page(request, form, _("Certify a trainer"))
