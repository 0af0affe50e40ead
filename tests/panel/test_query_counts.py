"""Every Panel list answers in the same number of queries for 1 row and for 50."""

import pytest
from django.urls import reverse

from tests.panel.factories import (
    ConsultationFactory,
    MemberOfficeFactory,
    OfficeAnnualReportFactory,
    PanelMeetingFactory,
)
from tests.queries import assert_queries_flat, get_ok

pytestmark = pytest.mark.django_db


def _meetings(n):
    PanelMeetingFactory.create_batch(n)


def _offices(n):
    MemberOfficeFactory.create_batch(n)


def _consultations(n, share_with=None):
    office = MemberOfficeFactory()
    ConsultationFactory.create_batch(
        n, member_office=office, shared_with=[share_with] if share_with is not None else None
    )


def _reports(n):
    OfficeAnnualReportFactory.create_batch(n)


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
