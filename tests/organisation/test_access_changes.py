"""A sensitive role or a staff record's account changes only when a second person of the other side approves."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ethics_office.audit.models import AuditEvent
from ethics_office.base.errors import ApplicationError, OwnMatter
from ethics_office.base.roles import Role, clear_role_cache, has_role
from ethics_office.organisation.models import AccessChangeStatus, Person
from ethics_office.organisation.services import access_change_decide, access_change_request

pytestmark = pytest.mark.django_db


def _ask(actor, user, role=Role.DIRECTOR, **kw):
    return access_change_request(actor=actor, kind="role_grant", user=user, role=role, reason="cover", **kw)


def test_an_administrator_cannot_make_themself_director(admin_user, director):
    """Asking changes nothing; the administrator cannot approve it; the Director can refuse it."""
    change = _ask(admin_user, admin_user)
    assert not has_role(admin_user, Role.DIRECTOR)
    with pytest.raises(OwnMatter):
        access_change_decide(actor=admin_user, request_id=change.pk, approve=True)
    access_change_decide(actor=director, request_id=change.pk, approve=False)
    clear_role_cache(admin_user)
    assert not has_role(admin_user, Role.DIRECTOR)


def test_the_director_approves_an_administrators_request_and_it_applies(admin_user, director, staff2):
    change = _ask(admin_user, staff2, role=Role.OFFICER)
    access_change_decide(actor=director, request_id=change.pk, approve=True)
    change.refresh_from_db()
    assert change.status == AccessChangeStatus.APPROVED and change.decided_by == director
    clear_role_cache(staff2)
    assert has_role(staff2, Role.OFFICER)
    assert AuditEvent.objects.filter(code="organisation.role_grant", object_id=str(staff2.pk)).exists()


def test_a_second_administrator_cannot_approve_an_administrators_request(admin_user, staff2, people):
    """Two administrators together still cannot open case material: the Director must decide."""
    from ethics_office.organisation.services import role_grant

    role_grant(actor=None, user=people["focalpoint"], role=Role.ADMIN)
    change = _ask(admin_user, staff2, role=Role.OFFICER)
    with pytest.raises(PermissionDenied):
        access_change_decide(actor=people["focalpoint"], request_id=change.pk, approve=True)


def test_the_directors_own_request_goes_to_an_administrator(director, admin_user, staff2):
    change = _ask(director, staff2, role=Role.REVIEWER)
    access_change_decide(actor=admin_user, request_id=change.pk, approve=True)
    clear_role_cache(staff2)
    assert has_role(staff2, Role.REVIEWER)


def test_linking_someone_elses_staff_record_to_ones_own_account_needs_the_director(
    admin_user, director, staff
):
    """The hostile administrator's other path: relinking a staff record waits for the Director."""
    record = Person.objects.get(user=staff)
    change = access_change_request(
        actor=admin_user, kind="person_link", user=admin_user, person=record, reason="mine"
    )
    record.refresh_from_db()
    assert record.user == staff
    with pytest.raises(OwnMatter):
        access_change_decide(actor=admin_user, request_id=change.pk, approve=True)
    access_change_decide(actor=director, request_id=change.pk, approve=False)
    record.refresh_from_db()
    assert record.user == staff


def test_only_sensitive_roles_go_through_requests(admin_user, staff2):
    with pytest.raises(ApplicationError, match="not a role that needs approval"):
        _ask(admin_user, staff2, role=Role.STAFF)


def test_the_django_admin_cannot_change_roles_or_a_staff_records_account(client_for, staff2, staff):
    """Posting groups or a user through the admin's change forms leaves them as they were."""
    from django.contrib.auth.models import Group

    admin = client_for("admin")
    officer_group = Group.objects.get(name=Role.OFFICER)
    admin.post(
        reverse("admin:auth_user_change", args=[staff2.pk]),
        {"username": "staff2", "is_active": "on", "groups": [officer_group.pk], "is_superuser": "on"},
    )
    staff2.refresh_from_db()
    assert not staff2.groups.filter(pk=officer_group.pk).exists() and not staff2.is_superuser
    record = Person.objects.get(user=staff)
    page = admin.get(reverse("admin:organisation_person_change", args=[record.pk])).content.decode()
    assert 'name="user"' not in page


def test_the_page_lists_pending_requests_and_decides_them(client_for, admin_user, staff2):
    _ask(admin_user, staff2, role=Role.OFFICER)
    page = client_for("director").get(reverse("access-changes")).content.decode()
    assert "staff2" in page and "Approve" in page
    own = client_for("admin").get(reverse("access-changes")).content.decode()
    assert "Another person decides this one." in own
