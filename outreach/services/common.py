"""Helpers shared by the outreach services."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.errors import ApplicationError


def period_of(day: dt.date) -> str:
    """The reporting period a date falls in: 2011-2012 runs 1 August 2011 to 31 July 2012."""
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


def require_not_future(day: dt.date, field: str) -> None:
    if day > timezone.localdate():
        raise ApplicationError(_("The date cannot be in the future."), field=field)
