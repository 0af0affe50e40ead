"""Workflows are data plus one check.

Each app's `workflow.py` holds its status enum and its table of allowed transitions,
`{status: {status it may become, ...}}`; its one `<thing>_transition` service calls
`transition_check(TABLE, current, to)` before it writes the new status (`status_check(TABLE, to)`
alone refuses an unknown status, for a service that must check that before anything else).
"""

from collections.abc import Collection, Mapping

from django.db.models import Choices
from django.utils.translation import gettext as _

from .errors import TransitionNotAllowed


def _choices_of(table: Mapping) -> type[Choices] | None:
    for status in table:
        if isinstance(status, Choices):
            return type(status)
    return None


def status_check(table: Mapping[str, Collection[str]], to: str, *, field: str | None = None) -> None:
    """Refuse a status the table's enum does not know, naming the field, the value and the valid ones."""
    choices = _choices_of(table)
    known = set(choices.values) if choices else set(table)
    if to not in known:
        raise TransitionNotAllowed(
            _("“%(value)s” is not a status; use one of: %(valid)s.")
            % {"value": to, "valid": ", ".join(sorted(known))},
            field=field,
        )


def transition_check(
    table: Mapping[str, Collection[str]], current: str, to: str, *, field: str | None = None
) -> None:
    """Refuse a status the table does not know, or a move from `current` the table does not allow.

    The table's keys are the members of a `TextChoices`; its labels name both statuses in
    the message. `field` names the form or API field that carried `to` (for an unknown status).
    """
    status_check(table, to, field=field)
    if to not in table.get(current, ()):
        choices = _choices_of(table)
        label = (lambda value: choices(value).label) if choices else str
        raise TransitionNotAllowed(
            _("The status “%(from)s” cannot become “%(to)s”.") % {"from": label(current), "to": label(to)}
        )
