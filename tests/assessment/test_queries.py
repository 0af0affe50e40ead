"""Every list and the results page answer in the same number of queries for 1 row and for 50."""

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Assessment, RemedialAction, Response, RiskEntry, Status
from ethics_office.organisation.models import Entity

from .conftest import answer, staff_in, tokens_for, wave

pytestmark = pytest.mark.django_db
_seq = itertools.count(1)


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _clone_assessments(source, n):
    for _ in range(n):
        a = Assessment.objects.create(
            title=f"Copy {next(_seq)}", instrument=source.instrument, reference_date=dt.date(2012, 1, 1),
            sample_size=1, status=Status.PUBLISHED,
        )  # fmt: skip
        a.missions.set(source.missions.all())


def _entries(source, risk, n):
    dm = Entity.objects.get(code="DM")
    for _ in range(n):
        entry = RiskEntry.objects.create(
            assessment=source, risk=risk, owner=dm, evidence="E", likelihood=2, severity=3
        )
        RemedialAction.objects.create(entry=entry, description="A", due_on=dt.date(2013, 1, 1))


@pytest.fixture
def base(officer, director, instrument, settings):
    settings.ASSESSMENT_MIN_CELL = 1
    staff_in("DM", 60)
    staff_in("MONUSCO", 60)
    return wave(officer, director, instrument, ["DM", "MONUSCO"], 120)


@pytest.mark.parametrize(
    ("url_name", "role"),
    [
        *[(name, role) for name in ("assessment-list", "api-assessment-list", "assessment-register")
          for role in ("officer", "focalpoint")],
        ("assessment-instruments", "officer"),
    ],
)  # fmt: skip
def test_lists_are_flat(url_name, role, base, client_for):
    risk = base.instrument.sections.first().items.exclude(risk=None).first().risk
    c = client_for(role)
    url = reverse(url_name)
    c.get(url)  # the first request of a session does extra session work
    _clone_assessments(base, 1)
    _entries(base, risk, 1)
    one = _count(c, url)
    _clone_assessments(base, 49)
    _entries(base, risk, 49)
    assert _count(c, url) == one


@pytest.mark.parametrize("url_name", ["assessment-results", "api-assessment-results", "assessment-detail"])
def test_results_are_flat_in_the_number_of_responses(url_name, base, client_for):
    c = client_for("officer")
    tokens = tokens_for(base)
    answer(tokens[0], comment="x")
    url = reverse(url_name, args=[base.pk])
    one = _count(c, url)
    for token in tokens[1:50]:
        answer(token, comment="y")
    assert Response.objects.count() == 50
    assert _count(c, url) == one


def test_free_text_is_flat(base, client_for):
    c = client_for("officer")
    tokens = tokens_for(base)
    answer(tokens[0], comment="x")
    url = reverse("assessment-free-text", args=[base.pk])
    one = _count(c, url)
    for token in tokens[1:50]:
        answer(token, comment="y")
    assert _count(c, url) == one
