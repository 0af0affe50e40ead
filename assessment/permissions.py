"""The gates: one per thing, 404 for what the user may not know exists."""

from django.http import Http404

from ethics_office.base.gates import fetch_visible
from ethics_office.base.roles import is_office

from .selectors import (
    actions_visible_to,
    assessments_visible_to,
    instruments_visible_to,
    register_entries_visible_to,
)


def require_office(user):
    if not is_office(user):
        raise Http404


def access_assessment(user, pk, *, for_write=False):
    return fetch_visible(assessments_visible_to(user), pk, for_write=for_write)


def access_instrument(user, pk, *, for_write=False):
    from .models import Instrument

    require_office(user)
    qs = Instrument.objects.all() if for_write else instruments_visible_to(user)
    return fetch_visible(qs, pk, for_write=for_write)


def access_register_entry(user, pk, *, for_write=False):
    qs = register_entries_visible_to(user)
    if for_write:
        from .models import RiskEntry

        require_office(user)
        qs = RiskEntry.objects.all()
    return fetch_visible(qs, pk, for_write=for_write)


def access_action(user, pk, *, for_write=False):
    qs = actions_visible_to(user)
    if for_write:
        from .models import RemedialAction

        require_office(user)
        qs = RemedialAction.objects.all()
    return fetch_visible(qs, pk, for_write=for_write)
