"""The office's cases list and the determinations register sort by their headers; unknown sorts
are ignored."""

import datetime as dt

import pytest
from django.urls import reverse

from ethics_office.intake.models import ServiceRequest
from retaliation.models import RetaliationInquiry, ReviewOutcome
from tests.sorting import assert_sorts

pytestmark = pytest.mark.django_db


def _two_cases(make_inquiry):
    old, new = make_inquiry(), make_inquiry()
    ServiceRequest.objects.filter(pk=old.service_request_id).update(received=dt.date(2025, 1, 6))
    ServiceRequest.objects.filter(pk=new.service_request_id).update(received=dt.date(2025, 9, 1))
    return old, new


def test_the_cases_list_sorts_by_received(make_inquiry, client_for):
    old, new = _two_cases(make_inquiry)
    url = reverse("retaliation-list") + "?status="
    assert_sorts(client_for("director"), url, "received", old.service_request.ref, new.service_request.ref)


def test_the_register_sorts_by_review_completed(make_inquiry, client_for):
    old, new = _two_cases(make_inquiry)
    RetaliationInquiry.objects.filter(pk=old.pk).update(
        review_completed=dt.date(2025, 3, 1), review_outcome=ReviewOutcome.NO_PRIMA_FACIE
    )
    RetaliationInquiry.objects.filter(pk=new.pk).update(
        review_completed=dt.date(2025, 2, 1), review_outcome=ReviewOutcome.NO_PRIMA_FACIE
    )
    client = client_for("director")
    url = reverse("retaliation-register")
    assert_sorts(client, url, "completed", new.service_request.ref, old.service_request.ref)
    assert_sorts(client, url, "received", old.service_request.ref, new.service_request.ref)
