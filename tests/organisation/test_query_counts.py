"""Reference-data endpoints cost the same number of queries whatever the number of rows."""

import pytest
from django.urls import reverse

from tests.organisation.factories import EntityFactory
from tests.queries import assert_queries_flat, get_ok

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url_name", ["api-entities", "api-duty-stations"])
def test_reference_data_lists_stay_flat(client_for, url_name):
    """Reference-data endpoints cost the same whatever the number of rows."""
    client = client_for("staff")
    assert_queries_flat(
        lambda: get_ok(client, reverse(url_name)), lambda n: EntityFactory.create_batch(n), few=0, many=20
    )
