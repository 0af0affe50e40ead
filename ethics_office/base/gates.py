"""The gate: fetch one object through the selector that decides visibility.

Each mandate app's `permissions.py` defines `access_<thing>(user, pk, *, for_write=False)`
with `fetch_visible`, so "absent" and "not yours" give the same 404. When the object does
exist, the refusal is noted for the request (`denial_noted`) so that the audit trail can
record it once the request is answered — outside the transaction that the 404 rolls back.
"""

from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from .roles import is_office

_denials: ContextVar[list | None] = ContextVar("gate_denials", default=None)


def fetch_visible(queryset: QuerySet, pk, *, for_write: bool = False):
    if for_write:
        # Lock only the gated row, not the joined reference rows.
        queryset = queryset.select_for_update(no_key=True, of=("self",))
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError, ValidationError) as exc:
        _note_if_it_exists(queryset.model, pk)
        raise Http404 from exc


def _note_if_it_exists(model, pk) -> None:
    noted = _denials.get()
    if noted is None:  # not inside a request that records denials
        return
    try:
        exists = model._base_manager.filter(pk=pk).exists()
    except (ValueError, TypeError, ValidationError):
        return
    if exists:
        noted.append((model._meta.label_lower, str(pk)))


def collect_denials():
    """Start noting refused objects for this request; returns the token and the list they go to."""
    noted: list[tuple[str, str]] = []
    return _denials.set(noted), noted


def stop_collecting_denials(token) -> None:
    _denials.reset(token)


def require_office(user) -> None:
    """The one "office only" gate: the office's own pages and operations (officers and the
    Director) do not exist for anyone else, so everyone else gets 404, in views and services alike."""
    if not is_office(user):
        raise Http404


def office_rows(user, queryset: QuerySet) -> QuerySet:
    """The selectors' side of the same rule: the office's own records, and none for anyone else."""
    return queryset if is_office(user) else queryset.none()
