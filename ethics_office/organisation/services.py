"""Writes on people, accounts, roles and object permissions."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError, OwnMatter
from ethics_office.base.roles import Role, clear_role_cache, has_role

from .models import AccessChangeKind, AccessChangeRequest, AccessChangeStatus, Entity, Person

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


# --- changes that open case material: two people ------------------------------------------

# Roles that open case material; granting or removing them needs a second person.
SENSITIVE_ROLES = frozenset({Role.DIRECTOR, Role.OFFICER, Role.REVIEWER})


# How a kind of change is applied when a layer above owns it (the second factor lives in the site
# shell): kind -> function(actor=, user=). Registered in that layer's AppConfig.ready().
_APPLIERS = {}


def register_access_change_applier(kind: str, apply) -> None:
    _APPLIERS[kind] = apply


def _approver_role(requester) -> str:
    """An administrator's request goes to the Director, the Director's to an administrator."""
    return (
        Role.DIRECTOR
        if has_role(requester, Role.ADMIN) and not has_role(requester, Role.DIRECTOR)
        else Role.ADMIN
    )


@transaction.atomic
def access_change_request(
    *, actor, kind: str, user, reason: str, role: str = "", person: Person | None = None
) -> AccessChangeRequest:
    """An administrator or the Director asks for a change to someone's access; nothing changes yet."""
    if not has_role(actor, Role.ADMIN, Role.DIRECTOR):
        raise PermissionDenied
    if kind not in AccessChangeKind.values:
        raise ApplicationError(
            _("%(value)s is not a kind of change; choose one of: %(valid)s.")
            % {"value": kind, "valid": ", ".join(AccessChangeKind.values)},
            field="kind",
        )
    if kind in (AccessChangeKind.ROLE_GRANT, AccessChangeKind.ROLE_REVOKE) and role not in SENSITIVE_ROLES:
        raise ApplicationError(
            _("%(value)s is not a role that needs approval; those are: %(valid)s.")
            % {"value": role or "—", "valid": ", ".join(sorted(SENSITIVE_ROLES))},
            field="role",
        )
    if kind == AccessChangeKind.SECOND_FACTOR_RESET and user.pk == actor.pk:
        raise OwnMatter(_("You cannot ask for a reset of your own second factor; another person must ask."))
    if kind == AccessChangeKind.PERSON_LINK and person is None:
        raise ApplicationError(_("Name the staff record to link."), field="person")
    if not (reason or "").strip():
        raise ApplicationError(_("Say why the change is needed."), field="reason")
    change = AccessChangeRequest.objects.create(
        kind=kind,
        user=user,
        role=role if kind in (AccessChangeKind.ROLE_GRANT, AccessChangeKind.ROLE_REVOKE) else "",
        person=person if kind == AccessChangeKind.PERSON_LINK else None,
        reason=reason.strip(),
        requested_by=actor,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=change,
        fields=["kind", "user", "role", "person", "reason"],
        changes={"kind": (None, kind), "user": (None, user.get_username()), "role": (None, role or None)},
    )
    return change


@transaction.atomic
def access_change_decide(*, actor, request_id: int, approve: bool, note: str = "") -> AccessChangeRequest:
    """The other side approves (the change is applied at once) or rejects. Nobody decides their own."""
    change = AccessChangeRequest.objects.select_for_update().filter(pk=request_id).first()
    if change is None or not has_role(actor, Role.ADMIN, Role.DIRECTOR):
        raise Http404
    if change.status != AccessChangeStatus.PENDING:
        raise ApplicationError(_("This request has already been decided."))
    if change.requested_by_id == actor.pk:
        raise OwnMatter(_("You asked for this change: another person must decide it."))
    if change.user_id == actor.pk:
        raise OwnMatter(_("This change is to your own access: another person must decide it."))
    # A second factor is reset by any second administrator or the Director (the Director may be
    # the one who lost theirs); the other changes go to the other side.
    needed = (
        (Role.ADMIN, Role.DIRECTOR)
        if change.kind == AccessChangeKind.SECOND_FACTOR_RESET
        else (_approver_role(change.requested_by),)
    )
    if not has_role(actor, *needed):
        raise PermissionDenied(
            _("A request from %(who)s is decided by the %(role)s.")
            % {"who": change.requested_by.get_username(), "role": Role(needed[0]).label}
        )
    change.status = AccessChangeStatus.APPROVED if approve else AccessChangeStatus.REJECTED
    change.decided_by, change.decided_at, change.decision_note = actor, timezone.now(), (note or "").strip()
    change.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=change,
        fields=["status"],
        changes={"status": (AccessChangeStatus.PENDING, change.status)},
    )
    if approve:
        if change.kind == AccessChangeKind.ROLE_GRANT:
            role_grant(actor=actor, user=change.user, role=change.role)
        elif change.kind == AccessChangeKind.ROLE_REVOKE:
            role_revoke(actor=actor, user=change.user, role=change.role)
        elif change.kind == AccessChangeKind.PERSON_LINK:
            _person_link(actor=actor, person=change.person, user=change.user)
        else:
            _APPLIERS[change.kind](actor=actor, user=change.user)
    return change


def _person_link(*, actor, person: Person, user) -> None:
    Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
    old = person.user.get_username() if person.user_id else None
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=person,
        fields=["user"],
        changes={"user": (old, user.get_username())},
    )
