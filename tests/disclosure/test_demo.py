import io

import pytest

from disclosure import demo
from disclosure.models import ConflictItem, Filer, Statement

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_a_live_cycle_and_is_safe_to_run_twice(people):
    """Director and DM colleagues file; a draft and submitted statements; the reviewer is assigned; one conflict."""
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert Filer.objects.count() == 6
    assert Statement.objects.filter(status="draft").count() == 1
    assert Statement.objects.filter(status="submitted").count() == 2
    assert ConflictItem.objects.count() == 1
    assert Filer.objects.filter(entity__code="DM").count() == 4
    assert people["reviewer"].has_perm(
        "disclosure.review_filer", Filer.objects.get(person__user=people["director"])
    )
