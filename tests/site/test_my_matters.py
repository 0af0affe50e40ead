""" "My matters": every matter a staff member brought, its status and what waits for them."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from advisory import services as advisory_services
from advisory.models import AdviceRequest, Status
from outreach.services.training import training_request_submit
from retaliation import services as retaliation_services
from tests.disclosure.factories import CycleFactory, FilerFactory
from tests.queries import assert_queries_flat, get_ok


def _advice(user, n=1):
    for _i in range(n):
        advisory_services.advice_request_submit(actor=user, category="outside_activities", question="Q?")


def _protection(user):
    return retaliation_services.inquiry_request(
        actor=user,
        protected_activity="reported_misconduct",
        reported_to="OIOS hotline",
        reported_on=timezone.localdate() - dt.timedelta(days=40),
        narrative="I reported fraud.",
        actions=[
            {
                "kind": "non_renewal",
                "occurred_on": timezone.localdate() - dt.timedelta(days=10),
                "taken_by": "My supervisor",
                "description": "My contract was not renewed.",
            }
        ],
    )


@pytest.mark.django_db
def test_my_matters_lists_every_kind_with_what_waits(client_for, people):
    staff = people["staff"]
    _advice(staff)
    waiting = AdviceRequest.objects.get()
    AdviceRequest.objects.filter(pk=waiting.pk).update(status=Status.AWAITING_REQUESTER)
    _advice(people["staff2"])  # someone else's: not shown
    inquiry = _protection(staff)
    FilerFactory(cycle=CycleFactory(), person=staff.person, grade=staff.person.grade or "P-3")
    training_request_submit(actor=staff, team="Procurement team", team_size=8)
    response = client_for("staff").get(reverse("my-matters"))
    assert response.status_code == 200
    body = response.content.decode()
    assert waiting.service_request.ref in body
    assert "The office is waiting for your answer in the thread." in body
    assert "Your statement is due by" in body or "Overdue: your statement" in body
    assert "Training requests" in body
    assert inquiry.service_request.ref in body
    other = AdviceRequest.objects.exclude(pk=waiting.pk).get()
    assert other.service_request.ref not in body


@pytest.mark.django_db
def test_my_matters_empty_and_linked_from_home(client_for):
    client = client_for("staff2")
    assert "You have brought no matters" in client.get(reverse("my-matters")).content.decode()
    assert reverse("my-matters") in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_my_matters_query_count_is_flat(client_for, people):
    client = client_for("staff")
    staff = people["staff"]
    FilerFactory(cycle=CycleFactory(), person=staff.person, grade=staff.person.grade or "P-3")

    def add_rows(n):
        _advice(staff, n)
        for _i in range(n):
            training_request_submit(actor=staff, team="Team", team_size=3)
            _protection(staff)

    assert_queries_flat(lambda: get_ok(client, reverse("my-matters")), add_rows=add_rows)
