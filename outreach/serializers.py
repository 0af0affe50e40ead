from rest_framework import serializers

from .models import TrainingRequest, TrainingSession


class TrainingSessionSerializer(serializers.ModelSerializer):
    duty_station = serializers.SlugRelatedField(slug_field="code", read_only=True)
    entity = serializers.SlugRelatedField(slug_field="code", read_only=True)
    facilitator = serializers.SlugRelatedField(slug_field="index_number", read_only=True)

    class Meta:
        model = TrainingSession
        fields = [
            "id",
            "ref",
            "date",
            "kind",
            "title",
            "duty_station",
            "entity",
            "facilitator",
            "participants",
        ]


class TrainingRequestSerializer(serializers.ModelSerializer):
    ref = serializers.CharField(source="service_request.ref", read_only=True)
    received = serializers.DateField(source="service_request.received", read_only=True)

    class Meta:
        model = TrainingRequest
        fields = ["id", "ref", "received", "team", "team_size", "preferred_date", "status"]


class TrainingRequestCreateSerializer(serializers.Serializer):
    team = serializers.CharField(max_length=200)
    team_size = serializers.IntegerField(min_value=1, max_value=500)
    preferred_date = serializers.DateField(required=False, allow_null=True)
    message = serializers.CharField(required=False, allow_blank=True)
