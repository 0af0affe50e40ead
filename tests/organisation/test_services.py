"""Roles and object permissions are granted and revoked through services that leave audit events."""

import pytest

from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.roles import Role, has_role, roles_of
from ethics_office.organisation.models import Entity
from ethics_office.organisation.selectors import focal_point_entities, people_visible_to
from ethics_office.organisation.services import (
    focal_point_assign,
    focal_point_revoke,
    role_grant,
    role_revoke,
)

pytestmark = pytest.mark.django_db


def test_granting_and_revoking_a_role_is_audited(director, staff2):
    """role_grant adds the group and an audit event; role_revoke removes both ways."""
    before = AuditEvent.objects.count()
    role_grant(actor=director, user=staff2, role=Role.OFFICER)
    assert has_role(staff2, Role.OFFICER)
    event = AuditEvent.objects.latest("id")
    assert event.action == Action.PERMISSION_CHANGE and event.actor == director
    assert event.changes == {"role": [None, "ethics_officer"]}
    role_revoke(actor=director, user=staff2, role=Role.OFFICER)
    staff2.refresh_from_db()
    assert Role.OFFICER not in roles_of(staff2)
    assert AuditEvent.objects.count() == before + 2


def test_a_focal_point_sees_only_their_entities_people(focalpoint, staff, staff2, director):
    """The DM focal point sees DM's people, not Geneva's; adding UNOG widens it; revoking narrows it."""
    assert list(focal_point_entities(focalpoint).values_list("code", flat=True)) == ["DM"]
    visible = set(people_visible_to(focalpoint).values_list("user__username", flat=True))
    assert "staff" in visible and "staff2" not in visible
    unog = Entity.objects.get(code="UNOG")
    focal_point_assign(actor=director, user=focalpoint, entity=unog)
    assert "staff2" in set(people_visible_to(focalpoint).values_list("user__username", flat=True))
    focal_point_revoke(actor=director, user=focalpoint, entity=unog)
    assert "staff2" not in set(people_visible_to(focalpoint).values_list("user__username", flat=True))


def test_a_staff_member_sees_only_themself(staff):
    """A staff member's view of people holds one person: themself."""
    assert list(people_visible_to(staff).values_list("user__username", flat=True)) == ["staff"]


def test_superuser_status_grants_no_focal_point_entities(admin_user):
    """The admin superuser is not a focal point of anything through superuser status."""
    assert list(focal_point_entities(admin_user)) == []
