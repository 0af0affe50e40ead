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


def test_every_text_field_of_the_office_records_is_limited_before_any_save():
    """Walk every model of the limited apps: each free-text field refuses one character too many,
    naming the field, whichever path saves it (the check is a pre_save receiver)."""
    from django.apps import apps
    from django.conf import settings
    from django.db.models.signals import pre_save

    from ethics_office.base.errors import ApplicationError
    from ethics_office.base.limits import enforce_text_limits, field_text_limit

    checked = 0
    for config in apps.get_app_configs():
        if config.label not in settings.TEXT_LIMITED_APPS:
            continue
        for model in config.get_models():
            text_fields = [f for f in model._meta.concrete_fields if field_text_limit(f)]
            if not text_fields:
                continue
            assert pre_save.has_listeners(model), model
            for field in text_fields:
                instance = model()
                setattr(instance, field.attname, "x" * (field_text_limit(field) + 1))
                with pytest.raises(ApplicationError) as refused:
                    enforce_text_limits(model, instance)
                assert refused.value.field == field.name
                checked += 1
    assert checked > 60  # the walk really found the office's text fields


def test_an_oversized_training_request_message_is_refused_on_the_page(client_for):
    """Outreach had no limit of its own: 11 MB of message is a form error, nothing saved."""
    from outreach.models import TrainingRequest

    response = client_for("staff").post(
        reverse("outreach-request-create"),
        {"team": "Budget Unit", "team_size": 9, "message": "x" * (TEXT_MAX + 1)},
    )
    assert response.status_code == 200
    assert "at most 20,000" in response.content.decode()
    assert not TrainingRequest.objects.exists()


def test_oversized_panel_minutes_are_refused_and_the_draft_kept(client_for, officer):
    from panel import services as panel_services

    meeting = panel_services.meeting_create(actor=officer, date=dt.date(2026, 1, 20), kind="formal")
    client = client_for("officer")
    url = reverse("panel-meeting-minutes", args=[meeting.pk])
    client.post(url, {"minutes": "The Panel met.", "action": "draft"})
    client.post(url, {"minutes": "y" * (TEXT_MAX + 1), "action": "draft"})
    meeting.refresh_from_db()
    assert meeting.minutes == "The Panel met."
