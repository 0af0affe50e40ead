import datetime as dt

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from ethics_office.base.roles import Role, has_role
from ethics_office.base.sorting import order_for

from .models import Action, AuditEvent

# The trail's sortable columns (?sort=at, ?sort=-at). A million rows: only the time, which has its
# own index; action, operation and object are filters (their sort would scan the trail).
EVENT_ORDERS = {"at": ("at", "id")}
EVENT_DEFAULT_ORDER = ("-id",)


def audit_events_visible_to(user):
    """Only the Director browses the trail."""
    if not has_role(user, Role.DIRECTOR):
        return AuditEvent.objects.none()
    return AuditEvent.objects.select_related("actor", "seal")


def sorted_events(events, sort: str | None):
    return events.order_by(*order_for(sort, EVENT_ORDERS, EVENT_DEFAULT_ORDER))


def denials_alert() -> list[tuple[str, int]]:
    """Who was refused objects AUDIT_DENIAL_ALERT times or more in the last hour, most first."""
    since = timezone.now() - dt.timedelta(hours=1)
    rows = (
        AuditEvent.objects.filter(action=Action.DENIED, at__gte=since)
        .values("actor_label")
        .annotate(n=Count("id"))
        .filter(n__gte=settings.AUDIT_DENIAL_ALERT)
        .order_by("-n", "actor_label")
    )
    return [(row["actor_label"], row["n"]) for row in rows]
