"""Every read users reach. Officers and the Director see all of the Panel's records; panel
members see the Panel's own records and only the consultations shared with them."""

from ethics_office.organisation.roles import Role, has_role, is_office

from .models import Consultation


def _is_panel(user) -> bool:
    return has_role(user, Role.PANEL)


def consultations_visible_to(user):
    base = Consultation.objects.select_related("member_office", "opened_by")
    if is_office(user):
        return base
    if _is_panel(user):
        return base.filter(shared_with=user)
    return base.none()
