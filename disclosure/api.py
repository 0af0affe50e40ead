"""The programme's API: cycles, compliance status (no content), one filing (content, audited)."""

import datetime as dt

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from ethics_office.base.api import ERROR_RESPONSES
from ethics_office.base.errors import ValidationFailed
from ethics_office.base.parsing import year_or_none
from ethics_office.base.roles import Role, has_role, is_office

from . import services
from .models import Filer
from .permissions import access_filing
from .selectors import (
    NoticeStatus,
    compliance_rows,
    cycles_visible_to,
    notices_visible_to,
    statements_visible_to,
)
from .serializers import ComplianceSerializer, CycleSerializer, FilingSerializer, NoticeSerializer


@extend_schema(responses={200: CycleSerializer(many=True), 401: ERROR_RESPONSES[401]})
class CycleList(generics.ListAPIView):
    serializer_class = CycleSerializer

    def get_queryset(self):
        return cycles_visible_to(self.request.user).order_by("-year")


@extend_schema(
    parameters=[OpenApiParameter("cycle", int, description="Cycle year, e.g. 2026 (default: the latest)")],
    responses={200: ComplianceSerializer(many=True), 401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404]},
)
class ComplianceList(generics.ListAPIView):
    """Focal points see their entities only; the office sees all. Status, never statement content."""

    serializer_class = ComplianceSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Filer.objects.none()
        user = self.request.user
        if not (is_office(user) or has_role(user, Role.FOCAL_POINT)):
            raise Http404
        cycles = cycles_visible_to(user)
        raw = self.request.query_params.get("cycle")
        year = year_or_none(raw)
        if raw and year is None:
            raise ValidationError(
                {"cycle": [_("%(value)s is not a filing year (such as 2012).") % {"value": raw}]}
            )
        cycle = cycles.filter(year=year).first() if year else cycles.order_by("-year").first()
        if cycle is None:
            raise Http404
        return compliance_rows(user, cycle, today=timezone.localdate())


@extend_schema(responses={200: FilingSerializer, 401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404]})
class FilingDetail(APIView):
    """The filer, the assigned reviewer and the office read a filing with its latest statement."""

    def get(self, request, pk):
        filer = access_filing(request.user, pk)
        latest = (
            statements_visible_to(request.user)
            .filter(filer=filer)
            .order_by("-version")
            .values_list("pk", flat=True)
            .first()
        )
        statement = services.statement_read(actor=request.user, statement_id=latest) if latest else None
        return Response(FilingSerializer(filer, context={"statement": statement}).data)


@extend_schema(
    parameters=[
        OpenApiParameter("month", str, description="YYYY-MM"),
        OpenApiParameter("status", str, enum=NoticeStatus.values),
    ],
    responses={200: NoticeSerializer(many=True), **ERROR_RESPONSES},
)
class NoticeList(generics.ListAPIView):
    """Officers and the Director see every notice; a focal point, only the notices sent to them."""

    serializer_class = NoticeSerializer
    filter_backends = []

    def get_queryset(self):
        user = self.request.user
        if not (is_office(user) or has_role(user, Role.FOCAL_POINT)):
            raise Http404
        qs = notices_visible_to(user)
        params = self.request.query_params
        if month := params.get("month"):
            try:
                qs = qs.filter(month=dt.date.fromisoformat(month + "-01"))
            except ValueError:
                error = _("%(value)s is not a month; give YYYY-MM.") % {"value": month[:20]}
                raise ValidationFailed(error, errors={"month": [error]}) from None
        if status := params.get("status"):
            if status not in NoticeStatus.values:
                error = _("%(value)s is not a status; give one of %(valid)s.") % {
                    "value": status[:20],
                    "valid": ", ".join(NoticeStatus.values),
                }
                raise ValidationFailed(error, errors={"status": [error]})
            qs = qs.filter(delivery_status=status)
        return qs
