"""Pagination whose total is exact up to a cap, and "more than the cap" beyond it.

An exact COUNT(*) over every row a list could show is most of the cost of a long list's first
page (110 ms for the audit trail's million events, 35 ms for the advice queue's 90,000
requests on the benchmark machine). Nobody pages past the ten-thousandth row — they filter —
so the count stops there: `SELECT COUNT(*) FROM (SELECT … LIMIT cap + 1)`. Below the cap the
total and the page numbers are exact; above it the page says "more than 10,000" and the API
sets `count_capped` (docs/performance.md).
"""

from functools import cached_property, partial

from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

COUNT_CAP = 10_000


class CappedCountPaginator(Paginator):
    """With `counted`, the rows are made for display (`values_list` across joins) and the total is
    counted over `counted`, the same rows without those joins (a count of the `values_list` keeps
    them: 9.6 ms instead of 1.9 for the advice queue's capped count on the benchmark)."""

    cap = COUNT_CAP

    def __init__(self, object_list, per_page, *, counted=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.counted = object_list if counted is None else counted

    @cached_property
    def count(self) -> int:
        # Unordered and only the key: the scan stops at cap + 1 rows, no join nor sort for the page.
        return self.counted.order_by().values("pk")[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    def page(self, number):
        """As Django's, but a capped total never shortens a page: the rows go on past the cap."""
        if not self.capped:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)


class RowsPaginator(Paginator):
    """Django's paginator over rows made for display (`values_list` across joins), with the exact
    total counted over `counted`, the same rows without those joins: a count of `values_list`
    keeps the joins (40 ms for the 45,000 filers of a cycle on the benchmark, 5 ms without)."""

    def __init__(self, rows, per_page, *, counted, **kwargs):
        super().__init__(rows, per_page, **kwargs)
        self.counted = counted

    @cached_property
    def count(self) -> int:
        return self.counted.count()


class CappedPageNumberPagination(PageNumberPagination):
    """DRF's page-number pagination with the capped total; the response gains `count_capped`."""

    _counted = None

    @property
    def django_paginator_class(self):
        if self._counted is None:
            return CappedCountPaginator
        return partial(CappedCountPaginator, counted=self._counted)

    def paginate_rows(self, rows, request, *, counted, view=None):
        """`paginate_queryset` over rows made for display, counted over `counted` (above)."""
        self._counted = counted
        try:
            return self.paginate_queryset(rows, request, view)
        finally:
            self._counted = None

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "count_capped": self.page.paginator.capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["count_capped"] = {
            "type": "boolean",
            "description": f"true when there are more than {COUNT_CAP:,} rows: count is then {COUNT_CAP + 1}",
        }
        return schema
