from ethics_office.base.registry import nav_for
from ethics_office.base.roles import roles_of


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "user_roles": frozenset()}
    roles = roles_of(user)
    return {"nav_items": nav_for(roles), "user_roles": roles}
