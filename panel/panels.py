"""The Panel's panels on the home page."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.registry import HomePanel
from ethics_office.base.roles import Role
from ethics_office.base.wording import long_date

from .models import ConsultationStatus
from .selectors import consultations_visible_to, meetings_around


def home_panels(user, roles):
    if not roles & {Role.OFFICER, Role.DIRECTOR, Role.PANEL}:
        return []
    open_consultations = consultations_visible_to(user).filter(status=ConsultationStatus.OPEN)
    upcoming, recent = meetings_around(user, today=timezone.localdate())
    return [
        HomePanel(
            title=_("Open Panel consultations"),
            count=open_consultations.count(),
            url=reverse("panel-consultations"),
        ),
        HomePanel(
            title=_("Next Panel meetings") if upcoming else _("Latest Panel meetings"),
            url=reverse("panel-meetings"),
            items=[
                (f"{m.ref} · {long_date(m.date)}", reverse("panel-meeting-detail", args=[m.pk]))
                for m in upcoming or recent
            ],
            note="" if upcoming else _("No meeting scheduled."),
        ),
    ]
