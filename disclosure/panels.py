"""Home-page panels: what the programme has waiting for this person."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.registry import HomePanel
from ethics_office.base.roles import Role
from ethics_office.base.wording import long_date

from .selectors import (
    compliance_rows,
    current_cycle,
    overdue_follow_ups_for,
    own_filings,
    queries_visible_to,
    reviewer_filers,
)


def home_panels(user, roles):
    panels = []
    filing = own_filings(user).filter(cycle__closed_on__isnull=True).first()
    if filing is not None:
        note = (
            _("Filed on %(date)s.") % {"date": long_date(filing.filed_on)}
            if filing.filed_on
            else _("Due by %(date)s.") % {"date": long_date(filing.effective_deadline)}
        )
        panels.append(
            HomePanel(
                title=_("Your financial disclosure (%(year)s)") % {"year": filing.cycle.year},
                url=reverse("disclosure-filing", kwargs={"pk": filing.pk}),
                note=note,
            )
        )
    if Role.REVIEWER in roles:
        pending = reviewer_filers(user).filter(filed_on__isnull=False, review_outcome="").count()
        panels.append(
            HomePanel(title=_("Statements to review"), count=pending, url=reverse("disclosure-index"))
        )
    if roles & {Role.FOCAL_POINT, Role.OFFICER, Role.DIRECTOR}:
        cycle = current_cycle()
        if cycle is not None:
            today = timezone.localdate()
            outstanding = compliance_rows(user, cycle, today=today).filter(filed_on__isnull=True).count()
            panels.append(
                HomePanel(
                    title=_("Filers outstanding (%(year)s)") % {"year": cycle.year},
                    count=outstanding,
                    url=reverse("disclosure-compliance"),
                )
            )
    if roles & {Role.OFFICER, Role.DIRECTOR}:
        waiting = queries_visible_to(user).filter(answered_at__isnull=True).count()
        panels.append(
            HomePanel(
                title=_("Filer queries awaiting an answer"), count=waiting, url=reverse("disclosure-queries")
            )
        )
        overdue = overdue_follow_ups_for(user, today=timezone.localdate()).count()
        if overdue:
            panels.append(
                HomePanel(
                    title=_("Conflict follow-ups overdue"),
                    count=overdue,
                    url=reverse("disclosure-conflicts") + "?overdue=1&status=not_done",
                    note=_("Yours, or not yet owned by anyone."),
                )
            )
    return panels
