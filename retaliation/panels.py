"""Home-page panels: the office's open reviews (overdue ones counted), the complainant's own requests."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ethics_office.base.registry import HomePanel
from ethics_office.base.roles import OFFICE_ROLES
from ethics_office.base.wording import days_in_words

from .selectors import dashboard_inquiries, latest_inquiries_of_complainant


def home_panels(user, roles):
    panels = []
    url = reverse("retaliation-list")
    if roles & OFFICE_ROLES:
        today = timezone.localdate()
        waiting, reviews = dashboard_inquiries(user)
        if waiting:
            oldest = (today - waiting[0].service_request.received).days
            panels.append(
                HomePanel(
                    title=_("Retaliation: new requests not yet assigned"),
                    count=len(waiting),
                    url=url,
                    note=ngettext(
                        "The oldest has waited %(n)d day.", "The oldest has waited %(n)d days.", oldest
                    )
                    % {"n": oldest},
                    items=[
                        (
                            ngettext(
                                "%(ref)s: received %(days)d day ago",
                                "%(ref)s: received %(days)d days ago",
                                (today - r.service_request.received).days,
                            )
                            % {
                                "ref": r.service_request.ref,
                                "days": (today - r.service_request.received).days,
                            },
                            reverse("retaliation-detail", args=[r.pk]),
                        )
                        for r in waiting[:5]
                    ],
                )
            )
        overdue = sum(1 for r in reviews if r.days_left(today) < 0)
        panels.append(
            HomePanel(
                title=_("Retaliation: open preliminary reviews"),
                count=len(reviews),
                url=url,
                note=ngettext("%(n)d review is overdue.", "%(n)d reviews are overdue.", overdue)
                % {"n": overdue}
                if overdue
                else "",
                items=[
                    (
                        _("%(ref)s: %(clock)s")
                        % {"ref": r.service_request.ref, "clock": days_in_words(r.days_left(today))},
                        reverse("retaliation-detail", args=[r.pk]),
                    )
                    for r in reviews[:5]
                ],
            )
        )
    own = latest_inquiries_of_complainant(user)
    if own:
        panels.append(
            HomePanel(
                title=_("Your requests for protection"),
                url=url,
                items=[
                    (
                        f"{r.service_request.ref}: {r.get_status_display()}",
                        reverse("retaliation-detail", args=[r.pk]),
                    )
                    for r in own
                ],
            )
        )
    return panels
