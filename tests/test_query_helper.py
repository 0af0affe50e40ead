"""The query-count helper passes a flat list and names both counts and the extra queries otherwise."""

import pytest

from ethics_office.organisation.models import Entity
from tests.organisation.factories import EntityFactory
from tests.queries import assert_queries_flat

pytestmark = pytest.mark.django_db


def test_a_flat_measure_passes_and_returns_its_count():
    """One query whatever the rows: the helper returns 1."""
    assert assert_queries_flat(lambda: list(Entity.objects.all()), EntityFactory.create_batch) == 1


def test_a_growing_measure_fails_with_both_counts_and_the_extra_query():
    """A query per row (the N+1) fails, showing 1 + 1 against 1 + 50 and the repeated query."""

    def n_plus_one():
        for entity in Entity.objects.filter(code__startswith="ENT"):
            Entity.objects.filter(pk=entity.pk).exists()

    with pytest.raises(pytest.fail.Exception) as failure:
        assert_queries_flat(n_plus_one, EntityFactory.create_batch, what="entities")
    message = str(failure.value)
    assert "2 queries with 1, 51 with 50" in message
    assert "49×" in message and "LIMIT" in message
