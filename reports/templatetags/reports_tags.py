from django import template

from ..document import n

register = template.Library()


@register.filter
def get(mapping, key):
    return (mapping or {}).get(key)


@register.filter
def num(value):
    """Numbers grouped as the active language writes them; — where there is no figure."""
    if isinstance(value, int | float) and not isinstance(value, bool) or value is None:
        return n(value)
    return value
