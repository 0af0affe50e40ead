"""The audit trail's page and API cost the same number of queries with 1 event and with 50."""

import pytest
from django.urls import reverse

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from tests.queries import assert_queries_flat, get_ok

pytestmark = pytest.mark.django_db


def _events(actor, n):
    for i in range(n):
        audit_record(
            actor=actor, action=Action.UPDATE, object_type="test.thing", object_id=i, fields=["status"]
        )


@pytest.mark.parametrize("url_name", ["audit-events", "api-audit-events"])
def test_the_audit_trail_lists_stay_flat(client_for, director, url_name):
    """The Director's trail page and API cost the same with few and many events."""
    client = client_for("director")
    url = reverse(url_name) + "?object_type=test.thing"
    assert_queries_flat(lambda: get_ok(client, url), lambda n: _events(director, n), what="audit events")
