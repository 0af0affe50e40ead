from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, serializers

from ethics_office.base.api import ERROR_RESPONSES
from ethics_office.base.pagination import CappedPageNumberPagination
from ethics_office.base.roles import Role, has_role

from .filters import AuditEventFilter
from .models import AuditEvent
from .selectors import audit_events_visible_to


class AuditEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "at",
            "actor_label",
            "action",
            "code",
            "object_type",
            "object_id",
            "fields",
            "changes",
            "client_address",
            "seal",
        ]

    seal = serializers.SerializerMethodField()

    def get_seal(self, event) -> dict | None:
        """The event's link in the chain; null while it waits to be sealed (a moment after commit)."""
        seal = getattr(event, "seal", None)
        return None if seal is None else {"seq": seal.seq, "hash": seal.hash}


class IsDirector(permissions.BasePermission):
    def has_permission(self, request, view):
        return has_role(request.user, Role.DIRECTOR)


@extend_schema(responses={200: AuditEventSerializer(many=True), **ERROR_RESPONSES})
class AuditEventList(generics.ListAPIView):
    """The Director's read-only view of the trail."""

    serializer_class = AuditEventSerializer
    permission_classes = [permissions.IsAuthenticated, IsDirector]
    filterset_class = AuditEventFilter
    pagination_class = CappedPageNumberPagination

    def get_queryset(self):
        return audit_events_visible_to(self.request.user)
