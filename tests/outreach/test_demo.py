import pytest

from outreach.models import OutreachMission, SeniorBriefing, TrainingSession
from panel.models import Consultation, PanelMeeting

pytestmark = pytest.mark.django_db


def test_the_demos_run_twice_without_duplicates(people):
    """Each app's demo adds its live records once, however often seed_demo runs."""
    import io

    from outreach import demo as outreach_demo
    from panel import demo as panel_demo

    for _ in range(2):
        outreach_demo.seed(io.StringIO())
        panel_demo.seed(io.StringIO())
    assert TrainingSession.objects.count() == 3
    assert OutreachMission.objects.count() == 1
    assert SeniorBriefing.objects.count() == 1
    assert PanelMeeting.objects.count() == 2
    shared = Consultation.objects.filter(shared_with=people["panel"])
    assert shared.count() == 1
    assert Consultation.objects.count() == 2
