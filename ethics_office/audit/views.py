from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.dateparse import parse_date

from ethics_office.base.roles import Role, has_role

from .models import Action
from .selectors import audit_events_visible_to


@login_required
def event_list(request):
    """The Director browses and filters the trail. Nobody edits it."""
    if not has_role(request.user, Role.DIRECTOR):
        raise Http404
    events = audit_events_visible_to(request.user)
    filters = {
        "action": request.GET.get("action", ""),
        "actor": request.GET.get("actor", "").strip(),
        "object_type": request.GET.get("object_type", "").strip(),
        "object_id": request.GET.get("object_id", "").strip(),
        "since": request.GET.get("since", ""),
        "until": request.GET.get("until", ""),
    }
    if filters["action"] in Action.values:
        events = events.filter(action=filters["action"])
    if filters["actor"]:
        events = events.filter(actor_label__icontains=filters["actor"])
    if filters["object_type"]:
        events = events.filter(object_type=filters["object_type"])
    if filters["object_id"]:
        events = events.filter(object_id=filters["object_id"])
    if since := parse_date(filters["since"] or ""):
        events = events.filter(at__date__gte=since)
    if until := parse_date(filters["until"] or ""):
        events = events.filter(at__date__lte=until)
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return render(
        request, "audit/event_list.html", {"page": page, "filters": filters, "actions": Action.choices}
    )
