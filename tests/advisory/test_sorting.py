"""The advice queue sorts by its headers both ways, keeps its filters, and ignores unknown sorts."""

import datetime as dt

import pytest
from django.urls import reverse

from advisory import services
from ethics_office.intake.models import ServiceRequest
from tests.sorting import assert_sorts

pytestmark = pytest.mark.django_db


def _request(people, received, question):
    req = services.advice_request_submit(actor=people["staff"], category="other", question=question)
    ServiceRequest.objects.filter(pk=req.service_request_id).update(received=received)
    req.service_request.refresh_from_db()
    return req


def test_the_queue_sorts_by_received_and_status(people, client_for):
    old = _request(people, dt.date(2026, 1, 5), "Old question")
    new = _request(people, dt.date(2026, 3, 5), "New question")
    client = client_for("officer")
    url = reverse("advisory-queue") + "?status=all"
    assert_sorts(client, url, "received", old.service_request.ref, new.service_request.ref)
    assert_sorts(client, url, "ref", old.service_request.ref, new.service_request.ref)


def test_a_descending_header_sort_keeps_the_other_filters(people, client_for):
    """?sort=-status is no choice of the select, yet the filters stay applied (not reset to the default)."""
    _request(people, dt.date(2026, 1, 5), "Q")
    response = client_for("officer").get(reverse("advisory-queue"), {"status": "all", "sort": "-status"})
    assert response.status_code == 200
    assert 'aria-sort="descending"' in response.content.decode()
    assert response.context["form"].is_valid()
