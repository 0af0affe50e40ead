"""Pages for missions, senior briefings, the leadership dialogue, publications and website visits."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.forms import form_action, form_submit
from ethics_office.base.gates import require_office

from .. import forms, services
from ..models import ManagementLevel, MissionMeetingKind
from ..permissions import (
    access_mission,
)
from ..selectors import (
    BRIEFING_ORDERS,
    MISSION_ORDERS,
    briefings_visible_to,
    leadership_progress,
    mission_meetings_of,
    missions_visible_to,
    publications_visible_to,
    sorted_list,
    website_visits_visible_to,
)
from .common import form_page, paginate

# --- missions -------------------------------------------------------------------------------------


@login_required
def mission_list(request):
    require_office(request.user)
    missions = sorted_list(
        missions_visible_to(request.user).order_by("-start", "-id"), request.GET.get("sort"), MISSION_ORDERS
    )
    return render(request, "outreach/mission_list.html", {"page": paginate(request, missions)})


@login_required
def mission_create(request):
    require_office(request.user)
    form = forms.MissionForm(request.POST or None)
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.outreach_mission_record(actor=request.user, **d),
            success=lambda mission: _("Mission %(ref)s recorded.") % {"ref": mission.ref},
            then=lambda mission: reverse("outreach-mission-detail", kwargs={"pk": mission.pk}),
        )
    ):
        return done
    return form_page(request, form, _("Record an outreach mission"))


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
    return form_action(
        request,
        forms.MissionMeetingForm(request.POST),
        lambda d: services.mission_meeting_add(actor=request.user, mission_id=pk, **d),
        success=_("Meeting added."),
        back=reverse("outreach-mission-detail", kwargs={"pk": pk}),
        invalid=_("Check the meeting's kind, date, duty station and attendance."),
    )


# --- senior briefings -------------------------------------------------------------------------------


@login_required
def briefing_list(request):
    require_office(request.user)
    return render(
        request,
        "outreach/briefing_list.html",
        {
            "page": paginate(
                request,
                sorted_list(briefings_visible_to(request.user), request.GET.get("sort"), BRIEFING_ORDERS),
            )
        },
    )


@login_required
def briefing_create(request):
    require_office(request.user)
    form = forms.BriefingForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.senior_briefing_record(actor=request.user, **d),
            success=lambda briefing: _("Briefing %(ref)s recorded.") % {"ref": briefing.ref},
            then=lambda briefing: reverse("outreach-briefing-detail", kwargs={"pk": briefing.pk}),
        )
    ):
        return done
    return form_page(request, form, _("Record a confidential senior briefing"))


@login_required
def briefing_detail(request, pk):
    briefing = services.senior_briefing_read(actor=request.user, briefing_id=pk)
    return render(request, "outreach/briefing_detail.html", {"b": briefing})


# --- leadership dialogue ------------------------------------------------------------------------------


@login_required
def dialogue_dashboard(request):
    require_office(request.user)
    form = forms.DialogueForm(request.POST or None)
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.leadership_dialogue_record(actor=request.user, **d),
            success=_("Leadership dialogue recorded."),
            then="outreach-dialogue",
        )
    ):
        return done
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
            "page": paginate(request, publications_visible_to(request.user)),
            "visits": website_visits_visible_to(request.user).order_by("-period"),
            "visits_form": forms.VisitsForm(),
        },
    )


@login_required
def publication_create(request):
    require_office(request.user)
    form = forms.PublicationForm(request.POST or None)
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.publication_record(actor=request.user, **d),
            success=_("Publication recorded."),
            then="outreach-publications",
        )
    ):
        return done
    return form_page(request, form, _("Record a publication"))


@login_required
@require_POST
def visits_record(request):
    require_office(request.user)
    return form_action(
        request,
        forms.VisitsForm(request.POST),
        lambda d: services.website_visits_record(actor=request.user, **d),
        success=_("Website visits recorded."),
        back=reverse("outreach-publications"),
        invalid=_("Give the period (for example 2011-2012) and the number of visits."),
    )
