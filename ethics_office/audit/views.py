from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from ethics_office.base.listing import choice_labels
from ethics_office.base.pagination import CappedCountPaginator
from ethics_office.base.roles import Role, has_role

from .filters import AuditEventFilter
from .models import Action
from .selectors import audit_events_visible_to, sorted_events


@login_required
def event_list(request):
    """The Director browses and filters the trail. Nobody edits it."""
    if not has_role(request.user, Role.DIRECTOR):
        raise Http404
    filterset = AuditEventFilter(request.GET or None, queryset=audit_events_visible_to(request.user))
    # An invalid filter shows the form's errors over the unfiltered trail rather than nothing.
    events = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
    events = sorted_events(events, request.GET.get("sort"))
    page = CappedCountPaginator(events, 50).get_page(request.GET.get("page"))
    # The action's label translated once per page, not once per row and choice (get_FOO_display
    # translates every choice on each call: 1,400 translations for a page of 100).
    labels = choice_labels(Action.choices)
    for event in page.object_list:
        event.action_label = labels.get(event.action, event.action)
    return render(request, "audit/event_list.html", {"page": page, "filter": filterset})
