import pytest
from django.urls import reverse

from outreach.models import TrainingRequest

pytestmark = pytest.mark.django_db


def test_staff_ask_for_a_session_through_the_api_and_see_only_their_own(client_for, people):
    """POST registers a training request; GET lists only the caller's requests; bad input gets
    the one error shape."""
    staff = client_for("staff")
    url = reverse("api-outreach-requests")
    created = staff.post(url, {"team": "Budget Unit", "team_size": 6}, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["ref"].startswith("TR-")
    client_for("staff2").post(url, {"team": "Other", "team_size": 2}, content_type="application/json")
    refs = [r["ref"] for r in staff.get(url).json()["results"]]
    assert refs == [created.json()["ref"]]
    bad = staff.post(url, {"team": "", "team_size": 0}, content_type="application/json")
    assert bad.status_code == 400
    assert set(bad.json()["error"]["fields"]) >= {"team", "team_size"}
    assert TrainingRequest.objects.count() == 2


def test_the_panel_api_shows_panel_members_only_what_is_shared(client_for, people):
    """A panel member's consultation list holds only what the office shared with them."""
    from panel.services import consultation_open, consultation_share

    officer, panel = people["officer"], people["panel"]
    shared = consultation_open(actor=officer, kind="case_consultation", title="Shared")
    consultation_open(actor=officer, kind="case_consultation", title="Not shared")
    consultation_share(actor=officer, consultation_id=shared.pk, users=[panel])
    body = client_for("panel").get(reverse("api-panel-consultations")).json()
    assert [c["ref"] for c in body["results"]] == [shared.ref]
    assert "summary" not in body["results"][0]
    assert client_for("staff").get(reverse("api-panel-consultations")).status_code == 404
