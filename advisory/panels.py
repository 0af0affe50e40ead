"""Home-page panels: what waits for this person in advice and guidance."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ethics_office.base.registry import HomePanel
from ethics_office.base.roles import Role
from ethics_office.base.wording import grouped

from .models import Status
from .selectors import advice_queue, advice_requests_of_requester, overdue_q
from .workflow import OPEN


def home_panels(user, roles):
    panels = []
    if roles & {Role.OFFICER, Role.DIRECTOR}:
        queue = advice_queue(user, filters={"open_only": True})
        untriaged = queue.filter(status=Status.RECEIVED, assigned_to__isnull=True).count()
        mine = queue.filter(assigned_to=user).count()
        overdue = queue.filter(overdue_q()).count()
        replied = queue.filter(assigned_to=user, requester_wrote_at__isnull=False).count()
        panels.append(
            HomePanel(
                title=_("Advice queue"),
                count=untriaged,
                url=reverse("advisory-queue"),
                items=[
                    (
                        _("Waiting for triage: %(n)s") % {"n": grouped(untriaged)},
                        reverse("advisory-queue") + "?officer=none",
                    ),
                    (
                        _("Assigned to you: %(n)s") % {"n": grouped(mine)},
                        reverse("advisory-queue") + f"?officer={user.pk}",
                    ),
                    (
                        _("Overdue: %(n)s") % {"n": grouped(overdue)},
                        reverse("advisory-queue") + "?overdue=on",
                    ),
                    (
                        _("Requester replied: %(n)s") % {"n": grouped(replied)},
                        reverse("advisory-queue") + f"?officer={user.pk}&replied=on",
                    ),
                ],
            )
        )
    if Role.STAFF in roles:
        own = advice_requests_of_requester(user)
        waiting = own.filter(status__in=[Status.AWAITING_REQUESTER, Status.ADVISED]).count()
        open_count = own.filter(status__in=OPEN).count()
        panels.append(
            HomePanel(
                title=_("My advice requests"),
                count=open_count,
                url=reverse("advisory-my-requests"),
                note=_("%(n)s need your attention.") % {"n": grouped(waiting)} if waiting else "",
                items=[(_("Ask for advice"), reverse("advisory-ask"))],
            )
        )
    return panels
