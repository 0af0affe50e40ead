from django.utils import translation
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from ethics_office.base.api import ERROR_RESPONSES

from . import cache as report_cache
from .permissions import can_view_annual_report
from .queries import Period
from .services import report_export_record


class CanViewAnnualReport(permissions.BasePermission):
    def has_permission(self, request, view):
        return can_view_annual_report(request.user)


@extend_schema(
    responses={
        200: OpenApiResponse(description="The annual report (records-and-report spec)"),
        **ERROR_RESPONSES,
    }
)
class AnnualReportView(APIView):
    """The annual report for a period (1 August – 31 July), for administrators and the Director."""

    permission_classes = [permissions.IsAuthenticated, CanViewAnnualReport]

    def get(self, request, period):
        try:
            Period.parse(period)
        except ValueError:
            raise NotFound from None
        report = report_cache.report(period)
        report_export_record(
            actor=request.user, period=period, fmt="json", language=translation.get_language() or ""
        )
        return Response(report)
