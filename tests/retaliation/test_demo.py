import io

import pytest

from retaliation import demo
from retaliation.models import RetaliationInquiry, Status
from retaliation.selectors import inquiries_handled_by

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_live_cases_once(people):
    """Five cases this year, all assigned to `officer`: one under review, one paused, one referred."""
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert RetaliationInquiry.objects.count() == 5
    statuses = sorted(inquiries_handled_by(people["officer"]).values_list("status", flat=True))
    assert statuses.count(Status.UNDER_REVIEW) == 2
    assert {Status.PAUSED, Status.REFERRED, Status.RECEIVED} <= set(statuses)
    assert not inquiries_handled_by(people["officer2"]).exists()
