"""Outreach panels on the home page."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.registry import HomePanel
from ethics_office.base.roles import OFFICE_ROLES, Role

from .models import TrainingRequestStatus
from .selectors import training_requests_visible_to, training_sessions_visible_to


def home_panels(user, roles):
    panels = []
    if roles & OFFICE_ROLES:
        waiting = training_requests_visible_to(user).filter(status=TrainingRequestStatus.REQUESTED)
        year = timezone.localdate().year
        sessions = training_sessions_visible_to(user).filter(date__year=year)
        panels.append(
            HomePanel(
                title=_("Training requests waiting"), count=waiting.count(), url=reverse("outreach-requests")
            )
        )
        panels.append(
            HomePanel(
                title=_("Training sessions this year"),
                count=sessions.count(),
                url=reverse("outreach-sessions"),
            )
        )
    elif Role.STAFF in roles:
        mine = training_requests_visible_to(user).filter(status=TrainingRequestStatus.REQUESTED)
        panels.append(
            HomePanel(
                title=_("Your training requests"),
                count=mine.count(),
                url=reverse("outreach-requests"),
                items=[(_("Ask for a session for your team"), reverse("outreach-request-create"))],
            )
        )
    return panels
