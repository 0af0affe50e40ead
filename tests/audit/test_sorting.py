"""The audit trail sorts by time (its indexed column) both ways; other sorts are ignored."""

import pytest
from django.urls import reverse

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from tests.sorting import assert_sorts

pytestmark = pytest.mark.django_db


def test_the_trail_sorts_by_time(client_for, director):
    for kind in ("test.first", "test.second"):
        audit_record(actor=director, action=Action.UPDATE, object_type=kind, object_id=1, fields=["status"])
    client = client_for("director")
    assert_sorts(client, reverse("audit-events") + "?code=", "at", "test.first", "test.second")
