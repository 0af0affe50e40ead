"""seed_demo's 2012 peacekeeping assessment: about 1,200 sampled in six missions, some hundreds of
responses, a suppressed mission cell, a register with actions, a follow-up wave in the field."""

import pytest

from assessment import demo, results
from assessment.models import Assessment, RemedialAction, RiskEntry, Status

pytestmark = pytest.mark.django_db


def test_the_demo_assessment(people, settings):
    settings.ASSESSMENT_MIN_CELL = 10
    demo.seed()
    first = Assessment.objects.get(title=demo.WAVE_1)
    assert first.status == Status.PUBLISHED
    assert first.invitations.count() == 1200
    assert sorted(first.missions.values_list("code", flat=True)) == sorted(demo.MISSIONS)
    assert 300 <= first.responses.count() <= 800
    cells = results.as_api(results.compute(first))["cells"]
    hidden = {c["mission"] for c in cells if c["n"] is None}
    assert "UNMIL" in hidden and len(hidden) >= 2  # UNMIL's few answers, and a complementary mission
    assert RiskEntry.objects.filter(assessment=first).count() == 4
    assert RemedialAction.objects.filter(entry__assessment=first, status="done").count() >= 3
    follow_up = Assessment.objects.get(title=demo.WAVE_2)
    assert follow_up.status == Status.FIELDED and follow_up.previous_wave == first
    assert follow_up.responses.exists()
    assert results.compute(follow_up).comparison
    demo.seed()  # safe to run again
    assert Assessment.objects.count() == 2
