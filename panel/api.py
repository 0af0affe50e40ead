"""Read-only API over the Panel's records (the same selectors as the pages)."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics

from ethics_office.base.api import ERROR_RESPONSES

from .models import Consultation, PanelMeeting
from .selectors import consultations_visible_to, meetings_visible_to, sees_panel_records
from .serializers import ConsultationSerializer, MeetingSerializer

_ERRORS = {401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404]}


def _require_panel_records(user):
    # As on the pages: the Panel's records do not exist for anyone outside it and the office.
    if not sees_panel_records(user):
        raise Http404


@extend_schema(responses={200: MeetingSerializer(many=True), **_ERRORS})
class MeetingList(generics.ListAPIView):
    """The Panel's meetings: officers, the Director and panel members; 404 for others."""

    serializer_class = MeetingSerializer
    filterset_fields = ["kind", "minutes_status"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return PanelMeeting.objects.none()
        _require_panel_records(self.request.user)
        return meetings_visible_to(self.request.user).order_by("-date", "-id")


@extend_schema(responses={200: ConsultationSerializer(many=True), **_ERRORS})
class ConsultationList(generics.ListAPIView):
    """Consultations: all for the office, those shared with them for panel members."""

    serializer_class = ConsultationSerializer
    filterset_fields = ["kind", "status"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return Consultation.objects.none()
        _require_panel_records(self.request.user)
        return consultations_visible_to(self.request.user).order_by("-received", "-id")
