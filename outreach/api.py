"""The outreach API: the same selectors and services as the pages."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from ethics_office.base.api import ERROR_RESPONSES
from ethics_office.base.roles import is_office

from .models import TrainingRequest, TrainingSession
from .permissions import may_request_training
from .selectors import training_requests_visible_to, training_sessions_visible_to
from .serializers import TrainingRequestCreateSerializer, TrainingRequestSerializer, TrainingSessionSerializer
from .services import training_request_submit


@extend_schema(
    responses={200: TrainingSessionSerializer(many=True), **{k: ERROR_RESPONSES[k] for k in (401, 403, 404)}}
)
class TrainingSessionList(generics.ListAPIView):
    """Training sessions: the office only (404 for others, as on the pages)."""

    serializer_class = TrainingSessionSerializer
    filterset_fields = ["kind"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return TrainingSession.objects.none()
        if not is_office(self.request.user):
            raise Http404
        return training_sessions_visible_to(self.request.user).order_by("-date", "-id")


class TrainingRequestList(generics.ListAPIView):
    """Training requests: all for the office, one's own for everyone else. POST asks for a session."""

    serializer_class = TrainingRequestSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return TrainingRequest.objects.none()
        if not (is_office(self.request.user) or may_request_training(self.request.user)):
            raise Http404
        return training_requests_visible_to(self.request.user).order_by("-created_at", "-id")

    @extend_schema(
        responses={200: TrainingRequestSerializer(many=True), **{k: ERROR_RESPONSES[k] for k in (401, 403)}}
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=TrainingRequestCreateSerializer,
        responses={201: TrainingRequestSerializer, **{k: ERROR_RESPONSES[k] for k in (400, 401, 403, 404)}},
    )
    def post(self, request):
        if not may_request_training(request.user):
            raise Http404
        data = TrainingRequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        created = training_request_submit(actor=request.user, **data.validated_data)
        return Response(TrainingRequestSerializer(created).data, status=status.HTTP_201_CREATED)
