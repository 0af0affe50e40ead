"""The preliminary-review clock.

The rule: the review must be completed within RETALIATION_REVIEW_DAYS (default 45)
calendar days of the day it opened (the inquiry was classified as a request for
protection). Days on which the clock was paused, awaiting information from the
complainant, do not count: a pause from day A until its resumption on day B adds
B - A days; an open pause extends the deadline day by day until it ends. A deadline
that falls on a Saturday or Sunday moves to the next working day.
"""

import datetime as dt

from django.conf import settings

from ethics_office.base.clock import is_working_day


def review_days() -> int:
    return int(getattr(settings, "RETALIATION_REVIEW_DAYS", 45))


def first_alert_day() -> int:
    return int(getattr(settings, "RETALIATION_FIRST_ALERT_DAY", 30))


def paused_days(*, closed_pause_days: int, paused_since: dt.date | None, today: dt.date) -> int:
    """Days excluded from the clock: finished pauses plus the pause still running."""
    running = max((today - paused_since).days, 0) if paused_since else 0
    return closed_pause_days + running


def next_working_day(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def review_deadline(
    *, started: dt.date, closed_pause_days: int = 0, paused_since: dt.date | None = None, today: dt.date
) -> dt.date:
    excluded = paused_days(closed_pause_days=closed_pause_days, paused_since=paused_since, today=today)
    return next_working_day(started + dt.timedelta(days=review_days() + excluded))


def days_elapsed(
    *, started: dt.date, closed_pause_days: int = 0, paused_since: dt.date | None = None, today: dt.date
) -> int:
    """Clock days used so far (paused days excluded)."""
    excluded = paused_days(closed_pause_days=closed_pause_days, paused_since=paused_since, today=today)
    return max((today - started).days - excluded, 0)
