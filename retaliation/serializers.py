"""API shapes. The office's serializer carries the case file; the complainant's carries status and letters only."""

from rest_framework import serializers

from ethics_office.base.limits import ITEMS_MAX, TEXT_MAX

from .models import Letter, ProtectedActivity, RetaliationInquiry, RetaliatoryAction


class ActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RetaliatoryAction
        fields = ["occurred_on", "taken_by", "description"]


class LetterSerializer(serializers.ModelSerializer):
    class Meta:
        model = Letter
        fields = ["id", "kind", "format", "created_at"]


class InquiryListSerializer(serializers.ModelSerializer):
    ref = serializers.CharField(source="service_request.ref")
    received = serializers.DateField(source="service_request.received")

    class Meta:
        model = RetaliationInquiry
        fields = ["id", "ref", "received", "status", "kind", "review_outcome"]


class MessageSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    from_office = serializers.BooleanField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


class MessageCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=TEXT_MAX)


class ComplainantInquirySerializer(InquiryListSerializer):
    """What the complainant may read about their own case: status, what the office awaits from them
    while the clock is paused, the review deadline, the thread and the letters sent to them."""

    letters = serializers.SerializerMethodField()
    awaiting = serializers.SerializerMethodField()
    review_deadline = serializers.SerializerMethodField()
    messages = serializers.SerializerMethodField()

    class Meta(InquiryListSerializer.Meta):
        fields = [
            *InquiryListSerializer.Meta.fields,
            "retaliation_established",
            "awaiting",
            "review_deadline",
            "investigation_expected",
            "messages",
            "letters",
        ]

    def get_letters(self, obj) -> list[dict]:
        return LetterSerializer(self.context["letters"], many=True).data

    def get_awaiting(self, obj) -> str | None:
        if obj.status != "paused":
            return None
        pause = obj.pauses.filter(ended__isnull=True).first()
        return pause.reason if pause else None

    def get_review_deadline(self, obj) -> str | None:
        deadline = obj.review_deadline()
        return deadline.isoformat() if deadline else None

    def get_messages(self, obj) -> list[dict]:
        return MessageSerializer(self.context.get("messages", []), many=True).data


class CaseNoteSerializer(serializers.Serializer):
    author = serializers.CharField(source="author.username")
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class OfficeInquirySerializer(InquiryListSerializer):
    """The case file for the Director and assigned officers."""

    complainant = serializers.CharField(
        source="service_request.requester.name", default=None, allow_null=True
    )
    channel = serializers.CharField(source="service_request.channel")
    actions = ActionSerializer(many=True)
    notes = CaseNoteSerializer(many=True)
    messages = MessageSerializer(many=True)
    letters = LetterSerializer(many=True)
    review_deadline = serializers.SerializerMethodField()
    days_left = serializers.SerializerMethodField()

    class Meta(InquiryListSerializer.Meta):
        fields = [
            *InquiryListSerializer.Meta.fields,
            "complainant",
            "channel",
            "protected_activity",
            "reported_to",
            "reported_on",
            "narrative",
            "actions",
            "review_started",
            "review_paused_days",
            "review_deadline",
            "days_left",
            "protected_activity_found",
            "protected_activity_reasoning",
            "contributing_factor_found",
            "contributing_factor_reasoning",
            "review_completed",
            "closure_reason",
            "investigation_body",
            "investigation_referred",
            "investigation_expected",
            "investigation_completed",
            "retaliation_established",
            "prima_facie_signed_on",
            "letters",
            "notes",
            "messages",
        ]

    def get_review_deadline(self, obj) -> str | None:
        deadline = obj.review_deadline()
        return deadline.isoformat() if deadline else None

    def get_days_left(self, obj) -> int | None:
        return obj.days_left()


class InquiryCreateSerializer(serializers.Serializer):
    """A staff member's own request for protection."""

    protected_activity = serializers.ChoiceField(choices=ProtectedActivity.choices)
    reported_to = serializers.CharField(max_length=200, allow_blank=True, default="")
    reported_on = serializers.DateField(required=False, allow_null=True, default=None)
    narrative = serializers.CharField(max_length=TEXT_MAX)
    actions = ActionSerializer(many=True, max_length=ITEMS_MAX)
