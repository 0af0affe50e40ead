"""Working-day arithmetic for service-level clocks (weekends are not working days)."""

import datetime as dt


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (start itself not counted)."""
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    if end <= start:
        return 0
    total_days = (end - start).days
    weeks, extra = divmod(total_days, 7)
    count = weeks * 5
    for offset in range(1, extra + 1):
        if is_working_day(start + dt.timedelta(days=offset)):
            count += 1
    return count
