"""Changes made through the Django admin are audited; confidential case models are not there at all."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from ethics_office.audit.models import Action, AuditEvent
from ethics_office.organisation.models import DutyStation

pytestmark = pytest.mark.django_db


def test_editing_reference_data_in_the_admin_is_audited(client_for):
    """Renaming a duty station in the admin leaves an update event naming the field."""
    station = DutyStation.objects.get(code="GVA")
    response = client_for("admin").post(
        reverse("admin:organisation_dutystation_change", args=[station.pk]),
        {"code": "GVA", "name": "Genève", "name_zh": "日内瓦", "headquarters": ""},
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(
        object_type="organisation.dutystation", object_id=str(station.pk)
    ).latest("id")
    assert event.action == Action.UPDATE and event.fields == ["name"]
    assert event.actor_label == "admin"


def test_the_admin_cannot_give_a_role_and_a_deactivation_is_a_permission_change(client_for, staff2):
    """Roles change only through access change requests; switching an account off is audited as
    a permission change."""
    officer_group = Group.objects.get(name="ethics_officer")
    staff_group = Group.objects.get(name="staff")
    response = client_for("admin").post(
        reverse("admin:auth_user_change", args=[staff2.pk]),
        {
            "username": "staff2",
            "email": staff2.email,
            "first_name": staff2.first_name,
            "last_name": staff2.last_name,
            "groups": [staff_group.pk, officer_group.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    staff2.refresh_from_db()
    assert not staff2.is_active and not staff2.groups.filter(pk=officer_group.pk).exists()
    event = AuditEvent.objects.filter(object_type="auth.user", object_id=str(staff2.pk)).latest("id")
    assert event.action == Action.PERMISSION_CHANGE and event.fields == ["is_active"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/advisory/advicerequest/",
        "/admin/disclosure/statement/",
        "/admin/retaliation/retaliationinquiry/",
        "/admin/audit/auditevent/",
        "/admin/auth/group/",
    ],
)
def test_case_records_and_the_trail_are_not_in_the_admin(client_for, path):
    """The superuser finds no confidential case model, no audit-trail editor and no role editor in the admin."""
    assert client_for("admin").get(path).status_code == 404
