"""The outreach lists sort by their headers (?sort=field / ?sort=-field), unknown sorts ignored."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.outreach.factories import (
    DAY,
    OutreachMissionFactory,
    SeniorBriefingFactory,
    TrainingRequestFactory,
    TrainingSessionFactory,
)
from tests.sorting import assert_sorts

pytestmark = pytest.mark.django_db

LATER = DAY + dt.timedelta(days=30)


def test_sessions_sort_by_date_and_participants(people, client_for):
    TrainingSessionFactory(ref="TS-EARLY", date=DAY, participants=40)
    TrainingSessionFactory(ref="TS-LATE", date=LATER, participants=2)
    client = client_for("officer")
    url = reverse("outreach-sessions")
    assert_sorts(client, url, "date", "TS-EARLY", "TS-LATE")
    assert_sorts(client, url, "participants", "TS-LATE", "TS-EARLY")
    assert_sorts(client, url, "ref", "TS-EARLY", "TS-LATE")


def test_requests_sort_by_team_size(people, client_for):
    small = TrainingRequestFactory(requested_by=people["staff"], team_size=2)
    large = TrainingRequestFactory(requested_by=people["staff"], team_size=30)
    assert_sorts(
        client_for("officer"),
        reverse("outreach-requests"),
        "people",
        small.service_request.ref,
        large.service_request.ref,
    )


def test_missions_sort_by_start_and_staff_met(people, client_for):
    OutreachMissionFactory(ref="OM-EARLY", start=DAY, end=DAY, staff_met=90)
    OutreachMissionFactory(ref="OM-LATE", start=LATER, end=LATER, staff_met=3)
    client = client_for("officer")
    url = reverse("outreach-missions")
    assert_sorts(client, url, "start", "OM-EARLY", "OM-LATE")
    assert_sorts(client, url, "staff", "OM-LATE", "OM-EARLY")


def test_briefings_sort_by_date(people, client_for):
    SeniorBriefingFactory(ref="SB-EARLY", date=DAY, briefed_by=people["officer"])
    SeniorBriefingFactory(ref="SB-LATE", date=LATER, briefed_by=people["officer"])
    assert_sorts(client_for("officer"), reverse("outreach-briefings"), "date", "SB-EARLY", "SB-LATE")


@pytest.mark.parametrize(
    ("language", "grouped"),
    [("en", ["4,306"]), ("fr", ["4\u202f306", "4\u00a0306"]), ("ru", ["4\u202f306", "4\u00a0306"])],
)
def test_a_count_on_the_page_is_grouped_per_language(people, client_for, language, grouped):
    """4306 participants read "4,306" in English and "4 306" (a no-break space) in French and Russian."""
    TrainingSessionFactory(ref="TS-BIG", participants=4306)
    client = client_for("officer")
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    html = client.get(reverse("outreach-sessions")).content.decode()
    assert f'<html lang="{language}"' in html
    assert any(f'<td class="num">{g}</td>' in html for g in grouped), [
        line for line in html.splitlines() if "TS-BIG" in line
    ]
