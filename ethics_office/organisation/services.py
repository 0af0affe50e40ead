"""Writes on people, accounts, roles and object permissions."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from guardian.shortcuts import assign_perm, remove_perm

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.roles import Role, clear_role_cache

from .models import Entity, Person

User = get_user_model()


@transaction.atomic
def role_grant(*, actor, user, role: str) -> None:
    group, _ = Group.objects.get_or_create(name=Role(role).value)
    if user.groups.filter(pk=group.pk).exists():
        return
    user.groups.add(group)
    clear_role_cache(user)
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=user,
        fields=["roles"],
        changes={"role": (None, role)},
    )


@transaction.atomic
def role_revoke(*, actor, user, role: str) -> None:
    group = Group.objects.filter(name=Role(role).value).first()
    if group is None or not user.groups.filter(pk=group.pk).exists():
        return
    user.groups.remove(group)
    clear_role_cache(user)
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=user,
        fields=["roles"],
        changes={"role": (role, None)},
    )


@transaction.atomic
def object_permission_grant(*, actor, user, perm: str, obj) -> None:
    """Tie a user to one object (an officer to a case, a focal point to an entity)."""
    assign_perm(perm, user, obj)
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=obj,
        fields=["object_permissions"],
        changes={perm: (None, user.get_username())},
    )


@transaction.atomic
def object_permission_revoke(*, actor, user, perm: str, obj) -> None:
    remove_perm(perm, user, obj)
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=obj,
        fields=["object_permissions"],
        changes={perm: (user.get_username(), None)},
    )


def focal_point_assign(*, actor, user, entity: Entity) -> None:
    object_permission_grant(actor=actor, user=user, perm="organisation.focal_point_for", obj=entity)
    role_grant(actor=actor, user=user, role=Role.FOCAL_POINT)


def focal_point_revoke(*, actor, user, entity: Entity) -> None:
    object_permission_revoke(actor=actor, user=user, perm="organisation.focal_point_for", obj=entity)


@transaction.atomic
def person_language_set(*, actor, person: Person, language: str) -> Person:
    """Remember the language this person reads; e-mails to them use it."""
    if language not in dict(settings.LANGUAGES) or person.language == language:
        return person
    old, person.language = person.language, language
    person.save(update_fields=["language", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=person,
        fields=["language"],
        changes={"language": (old, language)},
    )
    return person


@transaction.atomic
def person_upsert(*, actor, index_number: str, defaults: dict) -> tuple[Person, bool]:
    person, created = Person.objects.update_or_create(index_number=index_number, defaults=defaults)
    audit_record(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        obj=person,
        fields=sorted(defaults),
    )
    return person, created


@transaction.atomic
def user_account_create(
    *,
    actor,
    username: str,
    password: str,
    person: Person | None = None,
    email: str = "",
    roles=(),
    is_staff: bool = False,
    is_superuser: bool = False,
):
    user = User.objects.create_user(
        username=username, password=password, email=email, is_staff=is_staff, is_superuser=is_superuser
    )
    audit_record(actor=actor, action=Action.CREATE, obj=user, fields=["username", "email"])
    if person is not None:
        person.user = user
        person.save(update_fields=["user", "updated_at"])
    for role in roles:
        role_grant(actor=actor, user=user, role=role)
    return user
