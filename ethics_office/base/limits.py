"""How much text one field may hold, and how many items one list: checked in the services, so the
browser and the API refuse the same things (forms and serializers repeat the limits for early
feedback)."""

from django.utils.translation import gettext as _

from .errors import ApplicationError

TEXT_MAX = 20_000  # a question, a narrative, a message: some pages of text
LINE_MAX = 500  # a name, a title, a short answer
ITEMS_MAX = 10  # rows a person adds in one go (retaliatory actions, attachments)


def require_length(value: str | None, *, field: str, limit: int = TEXT_MAX) -> str:
    """The value, or an error naming the field, its length and the limit."""
    value = value or ""
    if len(value) > limit:
        raise ApplicationError(
            _("%(field)s is %(length)s characters long; at most %(limit)s are accepted.")
            % {"field": field, "length": f"{len(value):,}", "limit": f"{limit:,}"},
            field=field,
        )
    return value


def require_count(items, *, field: str, limit: int = ITEMS_MAX) -> list:
    items = list(items or [])
    if len(items) > limit:
        raise ApplicationError(
            _("%(field)s has %(count)s entries; at most %(limit)s are accepted.")
            % {"field": field, "count": len(items), "limit": limit},
            field=field,
        )
    return items


def field_text_limit(field) -> int | None:
    """How many characters a model field may hold: its max_length, or TEXT_MAX for unbounded text.
    None for fields that hold no free text (numbers, dates, encrypted JSON documents)."""
    from django.db import models

    from .crypto import EncryptedJSONField

    if isinstance(field, EncryptedJSONField):
        return None
    if isinstance(field, models.TextField):
        return field.max_length or TEXT_MAX
    if isinstance(field, models.CharField) and not field.choices:
        return field.max_length
    return None


def enforce_text_limits(sender, instance, raw=False, **kwargs):
    """pre_save receiver: refuse to store any text longer than its field allows, whichever path
    wrote it (form, API, service, admin), with an error naming the field and the limit."""
    if raw:
        return
    for field in sender._meta.concrete_fields:
        limit = field_text_limit(field)
        if limit is None:
            continue
        value = getattr(instance, field.attname, None)
        if isinstance(value, str):
            require_length(value, field=field.name, limit=limit)
