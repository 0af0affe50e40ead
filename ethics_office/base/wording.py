"""Words for numbers the pages show: clocks in words ("3 days left", "due today", "7 days overdue")."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def grouped(value):
    """A number grouped per language ("4,306" in English, "4 306" in French and Russian)."""
    try:
        return formats.number_format(value, force_grouping=True)
    except (TypeError, ValueError):
        return value


def days_in_words(days: int) -> str:
    """A clock's remaining days in words; negative means overdue."""
    days = int(days)
    if days > 0:
        return ngettext("%(days)s day left", "%(days)s days left", days) % {"days": grouped(days)}
    if days == 0:
        return _("due today")
    return ngettext("%(days)s day overdue", "%(days)s days overdue", -days) % {"days": grouped(-days)}


def long_date(value) -> str:
    """A date in the one style of the active language ("1 December 2026", "2026年12月1日"), for
    text built in Python (panels, e-mails, letters) as the templates' DATE_FORMAT does."""
    if not value:
        return "—"
    return formats.date_format(value, "DATE_FORMAT")
