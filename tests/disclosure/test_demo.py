import io

import pytest

from disclosure import demo
from disclosure.models import ConflictItem, Filer, Statement

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_a_live_cycle_and_is_safe_to_run_twice(people):
    """Director, the ASG and DM colleagues file; a draft and submitted statements; the reviewer is assigned; one conflict."""
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert Filer.objects.count() == 7
    assert Statement.objects.filter(status="draft").count() == 1
    assert Statement.objects.filter(status="submitted").count() == 3
    assert ConflictItem.objects.count() == 1
    assert Filer.objects.filter(entity__code="DM").count() == 4
    assert people["reviewer"].has_perm(
        "disclosure.review_filer", Filer.objects.get(person__user=people["director"])
    )


def test_the_demo_asg_filer_can_make_the_public_disclosure_choice(people, client):
    """The demo login `asg` is an ASG filer in this year's cycle: the filing offers the public-disclosure choice."""
    from django.contrib.auth import get_user_model

    demo.seed(io.StringIO())
    asg = get_user_model().objects.get(username="asg")
    filer = Filer.objects.get(person__user=asg)
    assert filer.grade == "ASG" and filer.confirmed
    client.force_login(asg)
    page = client.get(f"/disclosure/filings/{filer.pk}/").content.decode()
    assert "disclosure-public-choice" in page or f"/disclosure/filings/{filer.pk}/public-disclosure/" in page
