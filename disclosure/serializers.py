from rest_framework import serializers

from .models import Filer, FilingCycle, Statement


class CycleSerializer(serializers.ModelSerializer):
    class Meta:
        model = FilingCycle
        fields = ["year", "opens_on", "deadline", "closed_on"]


class ComplianceSerializer(serializers.ModelSerializer):
    """Status only: nothing from the statement."""

    person = serializers.CharField(source="person.name")
    index_number = serializers.CharField(source="person.index_number")
    entity = serializers.CharField(source="entity.code")
    status = serializers.SerializerMethodField()
    filed_date = serializers.DateField(source="filed_on", allow_null=True)

    class Meta:
        model = Filer
        fields = ["person", "index_number", "entity", "status", "filed_date"]

    def get_status(self, filer) -> str:
        return "filed" if filer.filed_on else "outstanding"


class StatementSerializer(serializers.ModelSerializer):
    contents = serializers.JSONField()

    class Meta:
        model = Statement
        fields = ["version", "status", "certified_at", "submitted_at", "contents"]


class FilingSerializer(serializers.ModelSerializer):
    person = serializers.CharField(source="person.name")
    index_number = serializers.CharField(source="person.index_number")
    cycle = serializers.IntegerField(source="cycle.year")
    entity = serializers.CharField(source="entity.code")
    status = serializers.SerializerMethodField()
    statement = serializers.SerializerMethodField()

    class Meta:
        model = Filer
        fields = [
            "id",
            "cycle",
            "person",
            "index_number",
            "entity",
            "grade",
            "first_time",
            "status",
            "filed_on",
            "review_outcome",
            "verification_selected",
            "verification_complete",
            "statement",
        ]

    def get_status(self, filer) -> str:
        return "filed" if filer.filed_on else "outstanding"

    def get_statement(self, filer) -> dict | None:
        statement = self.context.get("statement")
        return StatementSerializer(statement).data if statement else None


class NoticeSerializer(serializers.Serializer):
    """One monthly notice: the cycles it covered, to whom, how many filers, and its delivery."""

    id = serializers.IntegerField()
    entity = serializers.CharField(source="entity.code")
    month = serializers.DateField(format="%Y-%m")
    cycle = serializers.SerializerMethodField()
    cycles = serializers.ListField(source="cycle_years", child=serializers.IntegerField())
    recipients = serializers.ListField(child=serializers.EmailField())
    outstanding = serializers.IntegerField()
    status = serializers.CharField(source="delivery_status")
    sent_at = serializers.DateTimeField(source="delivered_at", allow_null=True)

    def get_cycle(self, obj) -> int | None:
        """The newest cycle the notice covered (all of them are in `cycles`)."""
        return obj.cycle_years[0] if obj.cycle_years else None
