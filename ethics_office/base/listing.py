"""What a list page prints on each row, worked out once a page instead of once a row.

On a 50-row page the template engine's own work is most of the cost once the rows are read: a
`{% url %}` per row (a full reversal each), a localized `|date` per cell, a lookup chain per
attribute. A list's view hands its template rows of plain strings made with these helpers; the
HTML is the same (tests/base/test_listing.py).
"""

from functools import cache

from django.urls import reverse
from django.utils import formats

_MARKER = 987_654_321_987  # an id no row has: it marks where the id goes in the reversed URL


def link_for_each(name: str):
    """`pk -> reverse(name, args=[pk])` for every row, at the cost of one reversal. For URL
    patterns whose one argument is an `<int:…>` (the converter writes it as `str(int)`)."""
    head, marker, tail = reverse(name, args=[_MARKER]).partition(str(_MARKER))
    if not marker:
        raise ValueError(f"{name}: its one argument does not appear in its URL as an integer")
    return lambda pk: f"{head}{int(pk)}{tail}"


def date_for_each():
    """`value -> value|date:"DATE_FORMAT"` in the active language, once per distinct date."""

    @cache
    def label(value) -> str:
        return "" if value is None else formats.date_format(value, "DATE_FORMAT")

    return label


def choice_labels(choices) -> dict[str, str]:
    """`value -> label` of a model's choices in the active language, translated once a page
    (`get_FOO_display` translates every choice on each call)."""
    return {value: str(label) for value, label in choices}
