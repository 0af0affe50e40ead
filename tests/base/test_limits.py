"""Text fields and lists have limits, the same in the browser and the API, and a refusal names the field."""

import datetime as dt

import pytest
from django.urls import reverse

from advisory import services as advisory_services
from advisory.models import AdviceRequest
from ethics_office.base.limits import ITEMS_MAX, TEXT_MAX
from retaliation.models import RetaliationInquiry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _roadmap(db):
    advisory_services.roadmap_defaults_load()


def test_an_oversized_question_is_refused_by_the_api_naming_the_field(client_for):
    response = client_for("staff").post(
        reverse("api-advice-requests"),
        {"category": "other", "question": "x" * (TEXT_MAX + 1)},
        content_type="application/json",
    )
    assert response.status_code == 400 and "question" in response.json()["error"]["fields"]
    assert not AdviceRequest.objects.exists()


def test_an_oversized_question_is_refused_by_the_service_too(staff):
    from ethics_office.base.errors import ApplicationError

    with pytest.raises(ApplicationError, match="at most 20,000") as refused:
        advisory_services.advice_request_submit(actor=staff, category="other", question="x" * (TEXT_MAX + 1))
    assert refused.value.field == "question"


def test_an_oversized_message_is_refused(client_for, staff):
    req = advisory_services.advice_request_submit(actor=staff, category="other", question="May I?")
    response = client_for("staff").post(
        reverse("api-advice-request-messages", kwargs={"pk": req.pk}),
        {"body": "y" * (TEXT_MAX + 1)},
        content_type="application/json",
    )
    assert response.status_code == 400 and "body" in response.json()["error"]["fields"]
    assert not req.messages.exists()


def test_more_retaliatory_actions_than_the_form_offers_are_refused(client_for):
    action = {
        "occurred_on": str(dt.date.today() - dt.timedelta(days=3)),
        "taken_by": "a manager",
        "description": "x",
    }
    response = client_for("staff").post(
        reverse("api-retaliation-requests"),
        {
            "protected_activity": "reported_misconduct",
            "narrative": "I reported fraud.",
            "actions": [action] * (ITEMS_MAX * 500),
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and "actions" in response.json()["error"]["fields"]
    assert not RetaliationInquiry.objects.exists()
