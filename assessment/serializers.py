from rest_framework import serializers

from .models import Assessment


class AssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assessment
        fields = ["id", "title", "status", "fielded", "closed"]


class CellSerializer(serializers.Serializer):
    mission = serializers.CharField(allow_null=True)
    item = serializers.CharField()
    n = serializers.IntegerField(allow_null=True)
    mean = serializers.FloatField(allow_null=True)
    ci_low = serializers.FloatField(allow_null=True)
    ci_high = serializers.FloatField(allow_null=True)
    share_favourable = serializers.FloatField(allow_null=True)


class ResultsSerializer(serializers.Serializer):
    """A suppressed cell has n and every figure null."""

    assessment = serializers.IntegerField()
    min_cell_size = serializers.IntegerField()
    respondents = serializers.IntegerField(allow_null=True)
    cells = CellSerializer(many=True)
    overall = serializers.ListField(child=serializers.DictField())
    grade_groups = serializers.ListField(child=serializers.DictField())
    risks = serializers.ListField(child=serializers.DictField())
    risk_cells = serializers.ListField(child=serializers.DictField())
    heat_map = serializers.ListField(child=serializers.DictField())
    comparison = serializers.ListField(child=serializers.DictField())
    choices = serializers.ListField(child=serializers.DictField())
