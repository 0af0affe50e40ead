"""Home-page panels: what waits for this person in advice and guidance."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ethics_office.base.registry import HomePanel
from ethics_office.base.roles import Role
from ethics_office.base.wording import grouped

from .selectors import own_request_counts, queue_counts


def home_panels(user, roles):
    panels = []
    if roles & {Role.OFFICER, Role.DIRECTOR}:
        counts = queue_counts(user)
        untriaged, mine, overdue, replied = (counts[k] for k in ("untriaged", "mine", "overdue", "replied"))
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
        own = own_request_counts(user)
        waiting, open_count = own["waiting"], own["open"]
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
