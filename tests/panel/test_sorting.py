"""The Panel's meetings and consultations sort by their headers; unknown sorts are ignored."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.panel.factories import DAY, ConsultationFactory, PanelMeetingFactory
from tests.sorting import assert_sorts

pytestmark = pytest.mark.django_db


def test_meetings_sort_by_date_and_reference(people, client_for):
    PanelMeetingFactory(ref="EP-A", date=DAY + dt.timedelta(days=60))
    PanelMeetingFactory(ref="EP-B", date=DAY)
    client = client_for("officer")
    url = reverse("panel-meetings")
    assert_sorts(client, url, "date", "EP-B", "EP-A")
    assert_sorts(client, url, "ref", "EP-A", "EP-B")


def test_consultations_sort_by_received(people, client_for):
    ConsultationFactory(ref="EPC-LATE", received=DAY + dt.timedelta(days=9))
    ConsultationFactory(ref="EPC-EARLY", received=DAY)
    assert_sorts(client_for("officer"), reverse("panel-consultations"), "received", "EPC-EARLY", "EPC-LATE")
