from guardian.shortcuts import get_objects_for_user

from ethics_office.base.roles import Role, has_role, is_office

from .models import Entity, Person


def focal_point_entities(user):
    """Entities this user is a focal point for (object permission, no global grant)."""
    if not has_role(user, Role.FOCAL_POINT):
        return Entity.objects.none()
    return get_objects_for_user(
        user, "organisation.focal_point_for", klass=Entity, with_superuser=False, accept_global_perms=False
    )


def person_of(user) -> Person | None:
    if not user.is_authenticated:
        return None
    try:
        return user.person
    except Person.DoesNotExist:
        return None


def person_by_email(email: str) -> Person | None:
    """The person on record with this address (to write to them in their language), if any."""
    if not email:
        return None
    return Person.objects.filter(email__iexact=email).order_by("pk").first()


def people_visible_to(user):
    """The office sees everyone; a staff member sees themself; a focal point, their entities' people."""
    base = Person.objects.select_related("entity", "duty_station")
    if is_office(user) or has_role(user, Role.ADMIN):
        return base
    visible = base.filter(user=user) if user.is_authenticated else base.none()
    if has_role(user, Role.FOCAL_POINT):
        visible = visible | base.filter(entity__in=focal_point_entities(user))
    return visible


def access_changes_visible_to(user):
    """Administrators and the Director see every access change request; nobody else any."""
    from ethics_office.base.roles import Role

    from .models import AccessChangeRequest

    if not has_role(user, Role.ADMIN, Role.DIRECTOR):
        return AccessChangeRequest.objects.none()
    return AccessChangeRequest.objects.select_related("user", "person", "requested_by", "decided_by")[:200]
