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
