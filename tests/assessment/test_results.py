"""Results from the database: suppression of small cells (with a complementary cell), the API's
shape, who may read it, and the comparison with an earlier wave."""

import pytest
from django.urls import reverse

from assessment import results, services

from .conftest import answer, staff_in, tokens_for, wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_missions(officer, director, instrument, settings):
    """MONUSCO 12 respondents, UNIFIL 10, UNMIL 3 (k = 10): UNMIL is under k, and the smallest
    other mission (UNIFIL) is hidden too so the total cannot give UNMIL back."""
    settings.ASSESSMENT_MIN_CELL = 10
    for mission, count in (("MONUSCO", 12), ("UNIFIL", 10), ("UNMIL", 3)):
        staff_in(mission, count)
    a = wave(officer, director, instrument, ["MONUSCO", "UNIFIL", "UNMIL"], 25)
    for mission, value in (("MONUSCO", 4), ("UNIFIL", 2), ("UNMIL", 1)):
        for token in tokens_for(a, mission):
            answer(token, speak=value)
    return a


def test_a_small_cell_and_its_complement_show_nothing(three_missions):
    data = results.as_api(results.compute(three_missions))
    speak = {c["mission"]: c for c in data["cells"] if c["item"] == "speak"}
    assert speak["MONUSCO"]["n"] == 12 and speak["MONUSCO"]["mean"] == 4
    for mission in ("UNMIL", "UNIFIL"):
        cell = speak[mission]
        assert cell == {
            "mission": mission, "item": "speak", "n": None, "mean": None, "ci_low": None, "ci_high": None,
            "share_favourable": None,
        }  # fmt: skip
    # The published total minus the published cells is 13 respondents: UNMIL's 3 are not recoverable.
    assert data["respondents"] == 25
    assert data["respondents"] - sum(c["n"] for c in speak.values() if c["n"]) == 13


def test_a_stratum_under_the_minimum_hides_its_response_count(three_missions):
    strata = results.compute(three_missions).strata
    unmil = [s for s in strata if s["mission"] == "UNMIL"]
    assert all(s["answered"] is None and s["rate"] is None for s in unmil)
    assert all(s["invited"] == 3 for s in unmil)


def test_the_page_and_the_api_never_show_a_suppressed_value(three_missions, client_for):
    """UNMIL's mean (1.00) appears nowhere on the results page or in the API."""
    page = client_for("officer").get(reverse("assessment-results", args=[three_missions.pk])).content.decode()
    assert "Mission UNMIL" in page and "fewer than 10 respondents" in page
    api = client_for("officer").get(reverse("api-assessment-results", args=[three_missions.pk])).json()
    assert {c["mean"] for c in api["cells"] if c["mission"] in ("UNMIL", "UNIFIL")} == {None}
    assert api["min_cell_size"] == 10


def test_results_api_is_for_the_office_only(three_missions, client_for):
    url = reverse("api-assessment-results", args=[three_missions.pk])
    assert client_for("director").get(url).status_code == 200
    for role in ("staff", "focalpoint", "reviewer", "panel", "admin"):
        assert client_for(role).get(url).status_code == 404, role


def test_the_list_api_gives_the_fixed_fields(three_missions, client_for):
    body = client_for("officer").get(reverse("api-assessment-list")).json()
    assert body["results"][0] == {
        "id": three_missions.pk, "title": "Wave", "status": "fielded",
        "fielded": three_missions.fielded.isoformat(), "closed": None,
    }  # fmt: skip
    assert client_for("staff").get(reverse("api-assessment-list")).json()["results"] == []


def test_a_mission_head_sees_only_their_missions_published_results(
    officer, director, instrument, settings, people
):
    """A focal point of MONUSCO reads MONUSCO's cells once published, never UNIFIL's, never the strata."""
    from django.test import Client

    from ethics_office.organisation.models import Entity
    from ethics_office.organisation.services import focal_point_assign

    settings.ASSESSMENT_MIN_CELL = 2
    staff_in("MONUSCO", 3)
    staff_in("UNIFIL", 3)
    a = wave(officer, director, instrument, ["MONUSCO", "UNIFIL"], 6)
    for token in tokens_for(a):
        answer(token)
    head = people["staff2"]
    focal_point_assign(actor=officer, user=head, entity=Entity.objects.get(code="MONUSCO"))
    c = Client()
    c.force_login(head)
    url = reverse("assessment-results", args=[a.pk])
    assert c.get(url).status_code == 404  # not yet published
    services.assessment_close(actor=officer, assessment_id=a.pk)
    services.assessment_publish(actor=director, assessment_id=a.pk)
    page = c.get(url).content.decode()
    assert "Mission MONUSCO" in page and "Mission UNIFIL" not in page and "Response rates" not in page
    assert c.get(reverse("api-assessment-results", args=[a.pk])).status_code == 404
    assert [x["id"] for x in c.get(reverse("api-assessment-list")).json()["results"]] == [a.pk]


def test_the_next_wave_reports_change_and_significance(officer, director, instrument, settings):
    settings.ASSESSMENT_MIN_CELL = 2
    staff_in("MONUSCO", 30)
    first = wave(officer, director, instrument, ["MONUSCO"], 15, seed=1, title="First")
    for i, token in enumerate(tokens_for(first)):
        answer(token, speak=2 + i % 2)
    services.assessment_close(actor=officer, assessment_id=first.pk)
    revision = services.instrument_revise(actor=officer, instrument_id=instrument.pk)
    second = wave(officer, director, revision, ["MONUSCO"], 15, seed=2, previous=first, title="Second")
    for i, token in enumerate(tokens_for(second)):
        answer(token, speak=4 + i % 2)
    rows = {(c["mission"], c["item"]): c for c in results.compute(second).comparison}
    speak = rows[(None, "speak")]
    assert speak["change"] == pytest.approx(2.0, abs=0.1) and speak["significant"]
    assert not rows[(None, "fear")]["significant"] and rows[(None, "fear")]["change"] == 0


def test_word_and_pdf_downloads(three_missions, client_for):
    c = client_for("officer")
    docx = c.get(reverse("assessment-results-export", args=[three_missions.pk, "docx"]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    pdf = c.get(reverse("assessment-results-export", args=[three_missions.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"


def test_choice_questions_give_weighted_shares_from_k_respondents(three_missions):
    """Everybody answered option a to the single-choice question: a 100%, b 0%."""
    data = results.as_api(results.compute(three_missions))
    (years,) = data["choices"]
    assert years["n"] == 25
    assert {o["option"]: o["share"] for o in years["options"]} == {"a": 1.0, "b": 0.0}


def test_a_register_entry_shows_its_owners_measure_and_hides_a_small_one(three_missions, officer, client_for):
    from ethics_office.organisation.models import Entity

    risk = three_missions.instrument.sections.first().items.exclude(risk=None).first().risk
    entries = {
        code: services.register_entry_add(
            actor=officer, assessment_id=three_missions.pk, risk=risk, owner=Entity.objects.get(code=code),
            evidence="E", likelihood=3, severity=3,
        )
        for code in ("MONUSCO", "UNMIL")
    }  # fmt: skip
    c = client_for("officer")
    page = c.get(reverse("assessment-register-entry", args=[entries["MONUSCO"].pk])).content.decode()
    measures = page.split('id="measures"')[1].split("</table>")[0]
    assert "<td>12</td>" in measures
    page = c.get(reverse("assessment-register-entry", args=[entries["UNMIL"].pk])).content.decode()
    measures = page.split('id="measures"')[1].split("</table>")[0]
    assert "fewer than 10 respondents" in measures and "<td>3</td>" not in measures
