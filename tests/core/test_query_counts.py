"""The foundation's list pages and endpoints cost the same number of queries with 1 row and with 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


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
    _events(director, 1)
    few = _queries(client, url)
    _events(director, 49)
    assert _queries(client, url) == few


@pytest.mark.parametrize("url_name", ["api-entities", "api-duty-stations"])
def test_reference_data_lists_stay_flat(client_for, url_name):
    """Reference-data endpoints cost the same whatever the number of rows."""
    client = client_for("staff")
    few = _queries(client, reverse(url_name))
    for _ in range(20):
        EntityFactory()
    assert _queries(client, reverse(url_name)) == few
