import io

import pytest

from retaliation import demo
from retaliation.models import RetaliationInquiry, Status
from retaliation.selectors import (
    case_messages,
    inquiries_handled_by,
    officers_assigned_to,
    unassigned_requests,
)

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_live_cases_once(people):
    """Five cases this year: one under review, one paused (with a thread), one referred, all assigned
    to `officer`; the newest unassigned, which `officer` (triage duty in the demo) sees too."""
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert RetaliationInquiry.objects.count() == 5
    statuses = sorted(inquiries_handled_by(people["officer"]).values_list("status", flat=True))
    assert statuses.count(Status.UNDER_REVIEW) == 2
    assert {Status.PAUSED, Status.REFERRED, Status.RECEIVED} <= set(statuses)
    assert not inquiries_handled_by(people["officer2"]).exists()
    paused = RetaliationInquiry.objects.get(status=Status.PAUSED)
    assert [m.from_office for m in case_messages(paused)] == [True, False]
    assert paused.pauses.get(ended__isnull=True).reason
    new = RetaliationInquiry.objects.get(status=Status.RECEIVED)
    assert not officers_assigned_to(new).exists()
    assert list(unassigned_requests(people["director"])) == [new]
