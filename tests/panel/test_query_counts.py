"""Every Panel list answers in the same number of queries for 1 row and for 50."""

import datetime as dt
import itertools

import pytest
from django.urls import reverse

from panel.models import (
    AgendaItem,
    Consultation,
    MemberOffice,
    MemberOfficeName,
    OfficeAnnualReport,
    PanelMeeting,
)
from tests.queries import assert_queries_flat, get_ok

pytestmark = pytest.mark.django_db
_seq = itertools.count(1)
DAY = dt.date(2026, 2, 2)


def _office():
    i = next(_seq)
    office = MemberOffice.objects.create(code=f"o{i}")
    MemberOfficeName.objects.create(office=office, name=f"Office {i}", valid_from=dt.date(2007, 1, 1))
    MemberOfficeName.objects.create(office=office, name=f"Office {i} renamed", valid_from=dt.date(2012, 1, 1))
    return office


def _meetings(n):
    for _ in range(n):
        m = PanelMeeting.objects.create(ref=f"EP-Q-{next(_seq)}", date=DAY)
        AgendaItem.objects.create(meeting=m, position=1, title="Item")


def _offices(n):
    for _ in range(n):
        _office()


def _consultations(n, share_with=None):
    office = _office()
    for _ in range(n):
        c = Consultation.objects.create(
            ref=f"EPC-Q-{next(_seq)}", kind="case_consultation", title="T", received=DAY, member_office=office
        )
        if share_with is not None:
            c.shared_with.add(share_with)


def _reports(n):
    for _ in range(n):
        OfficeAnnualReport.objects.create(office=_office(), year=2025, received_on=DAY)


@pytest.mark.parametrize(
    ("who", "url_name", "maker"),
    [
        ("officer", "panel-meetings", lambda users: _meetings),
        ("panel", "panel-meetings", lambda users: _meetings),
        ("officer", "api-panel-meetings", lambda users: _meetings),
        ("officer", "panel-offices", lambda users: _offices),
        ("officer", "panel-consultations", lambda users: _consultations),
        ("panel", "panel-consultations", lambda users: lambda n: _consultations(n, users["panel"])),
        ("officer", "api-panel-consultations", lambda users: _consultations),
        ("officer", "panel-reports", lambda users: _reports),
    ],
)
def test_panel_lists_do_not_grow_with_rows(who, url_name, maker, people, client_for):
    """Lists of meetings, offices (with their name history), consultations and reports run a
    fixed number of queries."""
    client = client_for(who)
    url = reverse(url_name)
    assert_queries_flat(lambda: get_ok(client, url), maker(people))
