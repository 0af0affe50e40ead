"""The assessment's API (paths and shapes fixed by issue 15; other parts rely on them)."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from ethics_office.base.api import ERROR_RESPONSES
from ethics_office.base.roles import is_office

from . import results
from .permissions import access_assessment
from .selectors import assessments_visible_to
from .serializers import AssessmentSerializer, ResultsSerializer


@extend_schema(responses={200: AssessmentSerializer(many=True), 401: ERROR_RESPONSES[401]})
class AssessmentList(generics.ListAPIView):
    """The assessments the caller may see: the office all; a mission head the published ones of their mission."""

    serializer_class = AssessmentSerializer

    def get_queryset(self):
        return assessments_visible_to(self.request.user).order_by("-reference_date", "-pk")


@extend_schema(responses={200: ResultsSerializer, 401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404]})
class AssessmentResults(APIView):
    """The Director and officers only; others 404. A cell under the minimum size is all nulls."""

    def get(self, request, pk):
        if not is_office(request.user):
            raise Http404
        assessment = access_assessment(request.user, pk)
        return Response(results.as_api(results.compute(assessment)))
