"""The office's pages: create a wave, act on it, refusals shown beside the form or as a message."""

import pytest
from django.urls import reverse

from assessment.models import Assessment, Status
from ethics_office.organisation.models import Entity

from .conftest import staff_in, wave

pytestmark = pytest.mark.django_db


def test_creating_a_wave_from_the_form(instrument, client_for):
    staff_in("MONUSCO", 3)
    c = client_for("officer")
    response = c.post(
        reverse("assessment-create"),
        {
            "title": "Pilot",
            "instrument": instrument.pk,
            "missions": [Entity.objects.get(code="MONUSCO").pk],
            "reference_date": "2012-01-01",
            "sample_size": 3,
            "allocation": "equal",
            "minimum_per_stratum": 2,
        },
    )
    a = Assessment.objects.get(title="Pilot")
    assert response.status_code == 302 and response.url == reverse("assessment-detail", args=[a.pk])
    assert a.allocation == "equal" and a.minimum_per_stratum == 2
    c.post(reverse("assessment-draw", args=[a.pk]))
    page = c.get(reverse("assessment-detail", args=[a.pk])).content.decode()
    assert "The Director approves fielding." in page and 'id="field"' not in page


def test_a_bad_sample_size_is_named_beside_its_field(instrument, client_for):
    response = client_for("officer").post(
        reverse("assessment-create"),
        {"title": "X", "instrument": instrument.pk, "missions": [Entity.objects.get(code="MONUSCO").pk],
         "reference_date": "2012-01-01", "sample_size": 0, "allocation": "proportional"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "sample_size" in response.context["form"].errors
    assert not Assessment.objects.exists()


def test_an_officer_who_tries_to_field_is_told_only_the_director_may(
    officer, director, instrument, client_for
):
    staff_in("MONUSCO", 2)
    a = wave(officer, director, instrument, ["MONUSCO"], 2, field=False)
    response = client_for("officer").post(reverse("assessment-field", args=[a.pk]), follow=True)
    assert "Only the Director may do this." in response.content.decode()
    assert Assessment.objects.get(pk=a.pk).status == Status.DRAFT


def test_the_results_page_speaks_chinese(officer, director, instrument, client_for):
    staff_in("MONUSCO", 2)
    a = wave(officer, director, instrument, ["MONUSCO"], 2)
    page = (
        client_for("officer")
        .get(reverse("assessment-results", args=[a.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans")
        .content.decode()
    )
    assert "按层的答复率" in page and "中文 Speak up" in page and "风险热图" in page


def test_a_frozen_questionnaire_offers_a_new_version_and_no_edit_forms(
    officer, director, instrument, client_for
):
    staff_in("MONUSCO", 1)
    wave(officer, director, instrument, ["MONUSCO"], 1)
    page = client_for("officer").get(reverse("assessment-instrument", args=[instrument.pk])).content.decode()
    assert 'id="frozen"' in page and 'id="item-form"' not in page


def test_a_wave_without_answers_shows_empty_results(officer, director, instrument, client_for):
    """A draft (no sample yet) and a fielded wave nobody has answered both render and answer the API."""
    staff_in("MONUSCO", 2)
    draft = wave(officer, director, instrument, ["MONUSCO"], 2, field=False, title="Draft")
    fielded = wave(officer, director, instrument, ["MONUSCO"], 2, title="Fielded")
    c = client_for("officer")
    for a in (draft, fielded):
        assert c.get(reverse("assessment-results", args=[a.pk])).status_code == 200
        body = c.get(reverse("api-assessment-results", args=[a.pk])).json()
        assert body["respondents"] is None and all(cell["n"] is None for cell in body["cells"])
