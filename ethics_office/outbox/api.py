from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, serializers

from ethics_office.base.api import ERROR_RESPONSES
from ethics_office.base.roles import Role, has_role

from .models import OutboxMessage
from .selectors import outbox_content_visible, outbox_messages_visible_to


class OutboxMessageSerializer(serializers.ModelSerializer):
    subject = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()

    class Meta:
        model = OutboxMessage
        fields = [
            "id",
            "kind",
            "to",
            "cc",
            "language",
            "status",
            "attempts",
            "created_at",
            "next_attempt_at",
            "sent_at",
            "last_error",
            "object_type",
            "object_id",
            "subject",
            "body",
        ]

    def _visible(self, obj) -> bool:
        return outbox_content_visible(self.context["request"].user, obj)

    def get_subject(self, obj) -> str | None:
        return obj.subject if self._visible(obj) else None

    def get_body(self, obj) -> str | None:
        return obj.body if self._visible(obj) else None


class IsDirectorOrAdministrator(permissions.BasePermission):
    def has_permission(self, request, view):
        return has_role(request.user, Role.DIRECTOR, Role.ADMIN)


@extend_schema(responses={200: OutboxMessageSerializer(many=True), **ERROR_RESPONSES})
class OutboxMessageList(generics.ListAPIView):
    """Every message the system sends; `?status=queued|sending|sent|failed`. Content only where the
    reader may see it (null otherwise)."""

    serializer_class = OutboxMessageSerializer
    permission_classes = [permissions.IsAuthenticated, IsDirectorOrAdministrator]
    filterset_fields = ["status", "kind"]

    def get_queryset(self):
        return outbox_messages_visible_to(self.request.user)
