"""Shapes of the advisory API. No logic: services decide, selectors read."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ethics_office.base.limits import TEXT_MAX
from ethics_office.intake.models import Channel

from .models import AdviceMessage, AdviceRequest, Outcome, Status
from .selectors import QueueRow, clock_of


class AdviceRequestSerializer(serializers.ModelSerializer):
    ref = serializers.CharField(source="service_request.ref")
    received = serializers.DateField(source="service_request.received")
    channel = serializers.CharField(source="service_request.channel")
    intake_category = serializers.CharField(source="service_request.category.code")
    category = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    officer = serializers.CharField(source="assigned_to.username", default=None, allow_null=True)
    requester = serializers.CharField(source="service_request.requester.name", default=None, allow_null=True)
    ack_due = serializers.SerializerMethodField()
    advise_due = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()
    advice = serializers.SerializerMethodField()
    # Plain strings, not enums: the codes are listed here so the schema's enum names stay unique.
    status = serializers.CharField(read_only=True, help_text="One of: " + ", ".join(Status.values))
    outcome = serializers.CharField(
        read_only=True, help_text="One of: " + ", ".join(Outcome.values) + " (or empty)"
    )

    class Meta:
        model = AdviceRequest
        fields = [
            "id",
            "ref",
            "received",
            "channel",
            "intake_category",
            "category",
            "status",
            "officer",
            "requester",
            "question",
            "outcome",
            "referred_to",
            "advice",
            "acknowledged_at",
            "advised_at",
            "ack_due",
            "advise_due",
            "overdue",
        ]
        read_only_fields = fields

    def _clock(self, obj):
        cache = self.context.setdefault("_clocks", {})
        if obj.pk not in cache:
            cache[obj.pk] = clock_of(obj)
        return cache[obj.pk]

    def get_ack_due(self, obj) -> str:
        return self._clock(obj).ack_due.isoformat()

    def get_advise_due(self, obj) -> str:
        return self._clock(obj).advise_due.isoformat()

    def get_overdue(self, obj) -> bool:
        return self._clock(obj).overdue

    def get_advice(self, obj) -> str:
        # The requester reads the advice once it is given, as on the page.
        if obj.status in (Status.ADVISED, Status.CLOSED) or self.context.get("office"):
            return obj.advice
        return ""

    def to_representation(self, obj):
        """The same dictionary as ModelSerializer's generic path (`generic_representation`;
        tests/advisory/test_api.py compares the two), built directly: on a 50-row page of the
        queue the generic path — a source lookup and a field call per value — was a third of
        the request (docs/performance.md)."""
        sr = obj.service_request
        requester, officer, category = sr.requester, obj.assigned_to, obj.category
        clock = self._clock(obj)
        moment = self.fields["acknowledged_at"].to_representation  # DRF's format and time zone
        return {
            "id": obj.pk,
            "ref": str(sr.ref),
            "received": sr.received.isoformat(),
            "channel": str(sr.channel),
            "intake_category": str(sr.category.code),
            "category": None if category is None else category.code,
            "status": str(obj.status),
            "officer": None if officer is None else str(officer.username),
            "requester": None if requester is None else str(requester.name),
            "question": str(obj.question),
            "outcome": str(obj.outcome),
            "referred_to": str(obj.referred_to),
            "advice": self.get_advice(obj),
            "acknowledged_at": None if obj.acknowledged_at is None else moment(obj.acknowledged_at),
            "advised_at": None if obj.advised_at is None else moment(obj.advised_at),
            "ack_due": clock.ack_due.isoformat(),
            "advise_due": clock.advise_due.isoformat(),
            "overdue": clock.overdue,
        }

    def generic_representation(self, obj):
        return super().to_representation(obj)

    def row_representation(self, row: QueueRow, today=None) -> dict:
        """A queue row (`selectors.queue_rows`) as `to_representation` shows its request (tested
        over every shape a row takes): the office's list is read as values, not model instances."""
        clock = row.clock(today)
        moment = self.fields["acknowledged_at"].to_representation
        advice = (
            row.advice if row.status in (Status.ADVISED, Status.CLOSED) or self.context.get("office") else ""
        )
        return {
            "id": row.pk,
            "ref": str(row.ref),
            "received": row.received.isoformat(),
            "channel": str(row.channel),
            "intake_category": str(row.intake_category),
            "category": row.category,
            "status": str(row.status),
            "officer": None if row.officer is None else str(row.officer),
            "requester": None if row.requester is None else str(row.requester),
            "question": str(row.question),
            "outcome": str(row.outcome),
            "referred_to": str(row.referred_to),
            "advice": advice,
            "acknowledged_at": None if row.acknowledged_at is None else moment(row.acknowledged_at),
            "advised_at": None if row.advised_at is None else moment(row.advised_at),
            "ack_due": clock.ack_due.isoformat(),
            "advise_due": clock.advise_due.isoformat(),
            "overdue": clock.overdue,
        }


class AdviceRequestCreateSerializer(serializers.Serializer):
    category = serializers.SlugField(required=False, allow_blank=True)
    question = serializers.CharField(max_length=TEXT_MAX)
    # Office only: record a request received elsewhere on someone's behalf.
    requester_index = serializers.CharField(required=False, allow_blank=True)
    intake_category = serializers.ChoiceField(choices=["advice", "standard_setting"], default="advice")
    channel = serializers.ChoiceField(
        choices=[c.value for c in Channel if c not in (Channel.WEB, Channel.IMPORT, Channel.ANONYMOUS_WEB)],
        required=False,
    )
    received = serializers.DateField(required=False)


class AdviceMessageSerializer(serializers.ModelSerializer):
    class Meta:
        model = AdviceMessage
        fields = ["id", "from_office", "body", "created_at"]
        read_only_fields = ["id", "from_office", "created_at"]
        extra_kwargs = {"body": {"max_length": TEXT_MAX}}


class TransitionSerializer(serializers.Serializer):
    to = serializers.CharField(help_text="The new status, one of: " + ", ".join(Status.values))


# --- Anonymous questions -------------------------------------------------------------------


class AnonymousAskSerializer(serializers.Serializer):
    category = serializers.SlugField(help_text="an advice category code")
    question = serializers.CharField(max_length=TEXT_MAX)


class AnonymousReceiptSerializer(serializers.Serializer):
    receipt = serializers.CharField(
        max_length=64, help_text="the receipt code, e.g. 7KQ4-M2XD-9PRT-W3HN-5BVC"
    )


class AnonymousMessageCreateSerializer(AnonymousReceiptSerializer):
    body = serializers.CharField(max_length=TEXT_MAX)


class AnonymousReceiptIssuedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ref = serializers.CharField()
    receipt = serializers.CharField(help_text="shown once: the office keeps only a slow hash of it")


class AnonymousMessageSerializer(serializers.ModelSerializer):
    class Meta:
        model = AdviceMessage
        fields = ["id", "from_office", "body", "created_at"]
        read_only_fields = fields


class AnonymousThreadSerializer(serializers.ModelSerializer):
    """What the anonymous requester may see: the question, the status, the messages, the advice."""

    ref = serializers.CharField(source="service_request.ref")
    received = serializers.DateField(source="service_request.received")
    category = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    status = serializers.CharField(read_only=True, help_text="One of: " + ", ".join(Status.values))
    advice = serializers.SerializerMethodField()
    messages = serializers.SerializerMethodField()

    class Meta:
        model = AdviceRequest
        fields = ["id", "ref", "received", "category", "status", "question", "advice", "messages"]
        read_only_fields = fields

    def get_advice(self, obj) -> str:
        return obj.advice if obj.status in (Status.ADVISED, Status.CLOSED) else ""

    @extend_schema_field(AnonymousMessageSerializer(many=True))
    def get_messages(self, obj):
        return AnonymousMessageSerializer(self.context["messages"], many=True).data
