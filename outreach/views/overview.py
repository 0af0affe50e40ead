"""The outreach overview: the period figures the annual report quotes, for the office."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from ethics_office.base.gates import require_office

from ..selectors import outreach_totals
from ..services import period_of

PERIODS_SHOWN = 6


@login_required
def overview(request):
    require_office(request.user)
    first = int(period_of(timezone.localdate())[:4])
    periods = [f"{y}-{y + 1}" for y in range(first, first - PERIODS_SHOWN, -1)]
    return render(request, "outreach/overview.html", {"rows": outreach_totals(request.user, periods)})
