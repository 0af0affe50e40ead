"""Every form the office fills in creates its record."""

import pytest
from django.urls import reverse

from ethics_office.organisation.models import DutyStation, Entity
from outreach.models import (
    LeadershipDialogue,
    OutreachMission,
    Publication,
    SeniorBriefing,
    TrainerCertification,
)
from panel.models import Consultation, MemberOffice, OfficeAnnualReport, PanelMeeting

pytestmark = pytest.mark.django_db


def test_the_outreach_forms_create_their_records(client_for, people):
    """Mission, briefing, dialogue, publication and certification forms each save a row."""
    c = client_for("officer")
    nyc, gva = DutyStation.objects.get(code="NYC"), DutyStation.objects.get(code="GVA")
    dm = Entity.objects.get(code="DM")
    posts = [
        (
            "outreach-mission-create",
            {
                "start": "2026-03-01",
                "end": "2026-03-04",
                "duty_station": nyc.pk,
                "other_stations": [gva.pk],
                "staff_met": 60,
            },
        ),
        (
            "outreach-briefing-create",
            {"date": "2026-03-01", "official": "A. B.", "level": "ASG", "entity": dm.pk},
        ),
        ("outreach-dialogue", {"entity": dm.pk, "level": "chiefs", "held_on": "2026-03-01"}),
        (
            "outreach-publication-create",
            {
                "title": "Putting Ethics to Work",
                "kind": "guide",
                "languages": "English",
                "copies": 100,
                "published_on": "2026-01-10",
            },
        ),
        (
            "outreach-trainer-certify",
            {"trainer": "D000006", "certified_by": "D000005", "certified_on": "2026-02-01"},
        ),
    ]
    for name, data in posts:
        response = c.post(reverse(name), data)
        assert response.status_code == 302, (name, response.content.decode()[:2000])
    assert OutreachMission.objects.get().other_stations.get() == gva
    assert SeniorBriefing.objects.get().official == "A. B."
    assert LeadershipDialogue.objects.get().level == "chiefs"
    assert Publication.objects.get().title == "Putting Ethics to Work"
    assert TrainerCertification.objects.get().trainer.index_number == "D000006"


def test_the_panel_forms_create_their_records(client_for, people):
    """Meeting, office, consultation and annual-report forms each save a row."""
    c = client_for("director")
    assert (
        c.post(reverse("panel-meeting-create"), {"date": "2026-02-01", "kind": "formal"}).status_code == 302
    )
    assert (
        c.post(
            reverse("panel-office-create"),
            {"code": "wfp", "name": "WFP Ethics Office", "valid_from": "2008-01-01"},
        ).status_code
        == 302
    )
    office = MemberOffice.objects.get()
    response = c.post(
        reverse("panel-consultation-create"),
        {
            "kind": "referral_45_day",
            "title": "Referral",
            "member_office": office.pk,
            "received": "2026-02-02",
        },
    )
    assert response.status_code == 302
    assert (
        c.post(
            reverse("panel-report-create"), {"office": office.pk, "year": 2025, "received_on": "2026-02-03"}
        ).status_code
        == 302
    )
    assert PanelMeeting.objects.count() == 1
    assert Consultation.objects.get().member_office == office
    assert OfficeAnnualReport.objects.get().office == office
    page = c.get(reverse("panel-consultation-create")).content.decode()
    assert "WFP Ethics Office" in page
