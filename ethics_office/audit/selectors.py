from ethics_office.base.roles import Role, has_role

from .models import AuditEvent


def audit_events_visible_to(user):
    """Only the Director browses the trail."""
    if not has_role(user, Role.DIRECTOR):
        return AuditEvent.objects.none()
    return AuditEvent.objects.select_related("actor")
