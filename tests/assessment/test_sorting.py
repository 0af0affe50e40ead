"""The assessments and the risk register sort by their headers; unknown sorts are ignored."""

import datetime as dt

import pytest
from django.urls import reverse

from assessment.models import Assessment, RiskEntry, Status
from ethics_office.organisation.models import Entity
from tests.sorting import assert_sorts

pytestmark = pytest.mark.django_db


def _assessment(instrument, title, fielded):
    return Assessment.objects.create(
        title=title, instrument=instrument, reference_date=dt.date(2012, 1, 1), sample_size=1,
        status=Status.PUBLISHED, fielded=fielded,
    )  # fmt: skip


def test_assessments_sort_by_title_and_fielded(instrument, client_for):
    _assessment(instrument, "Alpha wave", dt.date(2013, 5, 1))
    _assessment(instrument, "Zulu wave", dt.date(2012, 5, 1))
    client = client_for("officer")
    url = reverse("assessment-list")
    assert_sorts(client, url, "title", "Alpha wave", "Zulu wave")
    assert_sorts(client, url, "fielded", "Zulu wave", "Alpha wave")


def test_register_sorts_by_rating(instrument, client_for):
    source = _assessment(instrument, "Wave", dt.date(2013, 5, 1))
    risk = instrument.sections.first().items.exclude(risk=None).first().risk
    dm = Entity.objects.get(code="DM")
    for level in (1, 5):
        RiskEntry.objects.create(
            assessment=source, risk=risk, owner=dm, evidence="E", likelihood=level, severity=level
        )
    assert_sorts(client_for("officer"), reverse("assessment-register"), "rating", "1 × 1 = 1", "5 × 5 = 25")
