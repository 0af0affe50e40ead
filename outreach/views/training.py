"""Pages for training sessions, staff training requests and trainer certification."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.forms import form_action, form_submit
from ethics_office.base.gates import require_office
from ethics_office.base.roles import is_office

from .. import forms, services
from ..models import TrainingRequestStatus
from ..permissions import (
    access_training_request,
    access_training_session,
    may_request_training,
)
from ..selectors import (
    REQUEST_ORDERS,
    SESSION_ORDERS,
    certifications_visible_to,
    sorted_list,
    training_requests_visible_to,
    training_sessions_visible_to,
)
from .common import form_page, paginate

# --- training sessions ----------------------------------------------------------------------


@login_required
def session_list(request):
    require_office(request.user)
    return render(
        request,
        "outreach/session_list.html",
        {
            "page": paginate(
                request,
                sorted_list(
                    training_sessions_visible_to(request.user), request.GET.get("sort"), SESSION_ORDERS
                ),
            )
        },
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
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.training_session_record(
                actor=request.user,
                date=d["date"],
                kind=d["kind"],
                title=d["title"],
                duty_station=d["duty_station"],
                entity=d["entity"],
                facilitator=d["facilitator"],
                attendees=d["attendance"],
                participants=d["participants"],
                request=training_request,
            ),
            success=lambda session: (
                _("Session %(ref)s recorded with %(n)s participants.")
                % {"ref": session.ref, "n": session.participants}
            ),
            then=lambda session: reverse("outreach-session-detail", kwargs={"pk": session.pk}),
        )
    ):
        return done
    return form_page(
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
    return form_action(
        request,
        forms.AttendanceForm(request.POST),
        lambda d: services.training_session_attendance_set(
            actor=request.user, session_id=pk, attendees=d["attendance"]
        ),
        success=_("Attendance list saved."),
        back=reverse("outreach-session-detail", kwargs={"pk": pk}),
    )


# --- training requests ---------------------------------------------------------------------------


@login_required
def request_list(request):
    """The office sees every request; a staff member sees only their own."""
    if not (is_office(request.user) or may_request_training(request.user)):
        raise Http404
    page = paginate(
        request,
        sorted_list(training_requests_visible_to(request.user), request.GET.get("sort"), REQUEST_ORDERS),
    )
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
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.training_request_submit(actor=request.user, **d),
            success=lambda training_request: (
                _("Your request %(ref)s has been registered. The Ethics Office will contact you.")
                % {"ref": training_request.service_request.ref}
            ),
            then=lambda training_request: reverse(
                "outreach-request-detail", kwargs={"pk": training_request.pk}
            ),
        )
    ):
        return done
    return form_page(request, form, _("Ask for a training session for your team"))


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
    return form_action(
        request,
        None,
        lambda _d: services.training_request_transition(
            actor=request.user, request_id=pk, to=request.POST.get("to", "")
        ),
        success=_("Request updated."),
        back=reverse("outreach-request-detail", kwargs={"pk": pk}),
    )


# --- trainer certification ------------------------------------------------------------------------------


@login_required
def trainer_list(request):
    require_office(request.user)
    return render(
        request,
        "outreach/trainer_list.html",
        {"page": paginate(request, certifications_visible_to(request.user))},
    )


@login_required
def trainer_certify(request):
    require_office(request.user)
    form = forms.CertificationForm(request.POST or None, initial={"certified_on": timezone.localdate()})
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.trainer_certify(actor=request.user, **d),
            success=_("Certification recorded."),
            then="outreach-trainers",
        )
    ):
        return done
    return form_page(request, form, _("Certify a trainer"))
