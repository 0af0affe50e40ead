"""Roles are auth groups; ties to objects are django-guardian object permissions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STAFF = "staff", _("Staff member")
    OFFICER = "ethics_officer", _("Ethics officer")
    DIRECTOR = "director", _("Director")
    FOCAL_POINT = "focal_point", _("Focal point")
    REVIEWER = "external_reviewer", _("External reviewer")
    PANEL = "panel_member", _("Ethics Panel member")
    ADMIN = "administrator", _("Administrator")


# Who works inside the office (sees the office's own queues).
OFFICE_ROLES = frozenset({Role.OFFICER, Role.DIRECTOR})


def roles_of(user) -> frozenset[str]:
    """The user's role codes, cached on the user object for the request."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_role_cache", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
        user._role_cache = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def is_office(user) -> bool:
    return has_role(user, *OFFICE_ROLES)


def clear_role_cache(user) -> None:
    if hasattr(user, "_role_cache"):
        del user._role_cache
