from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from ethics_office.base.api import ERROR_RESPONSES

from .models import DutyStation, Entity


class EntitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["code", "name", "name_zh", "group"]


class DutyStationSerializer(serializers.ModelSerializer):
    class Meta:
        model = DutyStation
        fields = ["code", "name", "name_zh", "headquarters"]


@extend_schema(
    responses={200: EntitySerializer(many=True), 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403]}
)
class EntityList(generics.ListAPIView):
    """Reference data: every signed-in user may read it."""

    serializer_class = EntitySerializer
    queryset = Entity.objects.filter(active=True).order_by("code")
    filterset_fields = ["group"]


@extend_schema(
    responses={200: DutyStationSerializer(many=True), 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403]}
)
class DutyStationList(generics.ListAPIView):
    serializer_class = DutyStationSerializer
    queryset = DutyStation.objects.order_by("code")
    filterset_fields = ["headquarters"]
