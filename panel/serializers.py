from rest_framework import serializers

from .models import Consultation, PanelMeeting


class MeetingSerializer(serializers.ModelSerializer):
    item_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = PanelMeeting
        fields = ["id", "ref", "date", "kind", "venue", "minutes_status", "minutes_approved_on", "item_count"]


class ConsultationSerializer(serializers.ModelSerializer):
    member_office = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Consultation
        # The summary and outcome note stay on the audited detail page.
        fields = ["id", "ref", "kind", "title", "received", "member_office", "status", "outcome", "closed_on"]
