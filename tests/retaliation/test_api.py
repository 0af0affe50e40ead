"""/api/retaliation/requests/: the same gates as the pages; the complainant's answer is reduced."""

import pytest
from django.urls import reverse
from django.utils import timezone

from retaliation.models import RetaliationInquiry

pytestmark = pytest.mark.django_db


def _body(**extra):
    return {
        "protected_activity": "cooperated",
        "reported_to": "OIOS",
        "narrative": "I was a witness in an investigation.",
        "actions": [
            {"occurred_on": timezone.localdate().isoformat(), "taken_by": "Chief", "description": "Demoted"}
        ],
        **extra,
    }


def test_staff_asks_for_protection_through_the_api(client_for, staff):
    response = client_for("staff").post(
        reverse("api-retaliation-requests"), _body(), content_type="application/json"
    )
    assert response.status_code == 201
    inquiry = RetaliationInquiry.objects.get()
    assert response.json()["ref"] == inquiry.service_request.ref
    assert inquiry.service_request.requester.user == staff
    assert inquiry.actions.get().taken_by == "Chief"


def test_a_request_without_actions_gets_the_one_error_shape(client_for):
    response = client_for("staff").post(
        reverse("api-retaliation-requests"), _body(actions=[]), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"actions": ["Describe at least one retaliatory action."]}


def test_the_office_answer_has_the_case_file_and_the_complainants_does_not(client_for, make_inquiry):
    inquiry = make_inquiry(classify=True)
    url = reverse("api-retaliation-request", args=[inquiry.pk])
    office = client_for("officer").get(url).json()
    assert office["narrative"] == "I reported fraud in procurement."
    assert office["days_left"] >= 45 and "notes" in office
    mine = client_for("staff").get(url).json()
    assert set(mine) == {
        "id",
        "ref",
        "received",
        "status",
        "kind",
        "review_outcome",
        "retaliation_established",
        "awaiting",
        "review_deadline",
        "investigation_expected",
        "messages",
        "letters",
    }


def test_the_list_shows_handled_and_own_cases_only(client_for, make_inquiry):
    mine = make_inquiry(requester="staff")
    other = make_inquiry(requester="staff2", assign="officer2")

    def refs(who):
        rows = client_for(who).get(reverse("api-retaliation-requests")).json()["results"]
        return {row["ref"] for row in rows}

    assert refs("staff") == {mine.service_request.ref}
    assert refs("officer") == {mine.service_request.ref}
    assert refs("officer2") == {other.service_request.ref}
    assert refs("director") == {mine.service_request.ref, other.service_request.ref}
    assert refs("admin") == set()
