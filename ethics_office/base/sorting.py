"""Sortable lists: a per-list whitelist of ``?sort=`` values and the order each one means.

    ORDERS = {"received": ("service_request__received", "id"), "ref": ("service_request__ref", "id")}
    qs.order_by(*order_for(request.GET.get("sort"), ORDERS, default=("-service_request__received", "-id")))

``field`` sorts ascending by the tuple, ``-field`` by the same tuple reversed (every column turned,
the tiebreaker too, so paging is stable both ways). Anything else is ignored: the default order.
The templates' ``{% sort_header "field" _("Label") %}`` writes the links and ``aria-sort``.
"""

from collections.abc import Mapping, Sequence

from django.db.models import OrderBy


def _turned(column):
    """The column in the other direction; an expression keeps its nulls where they were (last)."""
    if isinstance(column, OrderBy):
        return OrderBy(
            column.expression,
            descending=not column.descending,
            nulls_first=column.nulls_first,
            nulls_last=column.nulls_last,
        )
    return column[1:] if column.startswith("-") else f"-{column}"


def order_for(value: str | None, orders: Mapping[str, Sequence], default: Sequence) -> tuple:
    """The ``order_by`` columns for ``value`` (``field`` or ``-field``), ``default`` when unknown."""
    value = (value or "").strip()
    key = value.removeprefix("-")
    if key not in orders:
        return tuple(default)
    columns = tuple(orders[key])
    return tuple(_turned(c) for c in columns) if value.startswith("-") else columns


def is_sort(value: str | None, orders: Mapping[str, Sequence]) -> bool:
    return (value or "").strip().removeprefix("-") in orders


def sorted_by(queryset, value: str | None, orders: Mapping[str, Sequence]):
    """``queryset`` in the order ``value`` asks for, or as it was (its default order) when unknown."""
    if not is_sort(value, orders):
        return queryset
    return queryset.order_by(*order_for(value, orders, ()))
