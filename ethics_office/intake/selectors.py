from ethics_office.base.roles import is_office

from .models import ServiceRequest


def service_requests_visible_to(user):
    """The register as a whole is the office's; a staff member sees the entries they made."""
    base = ServiceRequest.objects.select_related("category", "requester", "entity", "duty_station")
    if is_office(user):
        return base
    if not user.is_authenticated:
        return base.none()
    return base.filter(requester__user=user)
