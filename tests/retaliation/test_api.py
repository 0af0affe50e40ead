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


# --- /api/retaliation/requests/<pk>/messages/ ------------------------------------------------


def test_the_thread_through_the_api_both_ways_with_content_free_notices(
    client_for, make_inquiry, officer, staff, django_capture_on_commit_callbacks
):
    from django.core import mail

    from ethics_office.audit.models import Action, AuditEvent
    from ethics_office.base.limits import TEXT_MAX
    from retaliation.models import CaseMessage

    secret = "The-api-message-is-confidential"
    inquiry = make_inquiry(classify=True)
    url = reverse("api-retaliation-request-messages", args=[inquiry.pk])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("staff").post(url, {"body": secret}, content_type="application/json")
    assert response.status_code == 201 and response.json()["from_office"] is False
    assert [m.to for m in mail.outbox] == [[officer.email]] and secret not in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("officer").post(url, {"body": "Thank you."}, content_type="application/json")
    assert response.status_code == 201 and response.json()["from_office"] is True
    assert [m.to for m in mail.outbox] == [[staff.email]] and "Thank you." not in mail.outbox[0].body
    thread = client_for("staff").get(url).json()
    assert [(m["from_office"], m["body"]) for m in thread] == [(False, secret), (True, "Thank you.")]
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="retaliation.casemessage").count() == 2
    assert AuditEvent.objects.filter(action=Action.VIEW, fields=["messages"], actor=staff).exists()
    too_long = client_for("staff").post(url, {"body": "x" * (TEXT_MAX + 1)}, content_type="application/json")
    assert too_long.status_code == 400 and "body" in too_long.json()["error"]["fields"]
    for name in ("staff2", "officer2", "admin"):
        assert client_for(name).get(url).status_code == 404
        assert client_for(name).post(url, {"body": "hi"}, content_type="application/json").status_code == 404
    assert CaseMessage.objects.count() == 2


def test_the_thread_is_in_the_openapi_schema(client_for):
    schema = client_for("officer").get(reverse("api-schema"), {"format": "json"}).json()
    path = schema["paths"]["/api/retaliation/requests/{id}/messages/"]
    assert set(path) >= {"get", "post"}


def test_the_kept_list_is_the_persons_own_and_a_change_shows_at_once(client_for, make_inquiry):
    """The list is kept under the data version (base.dataversion), keyed by the person: an
    officer's kept list is never another officer's, it is read back with no query for the cases,
    and a new case assigned to the officer shows at once."""
    from tests.queries import count_queries

    first = make_inquiry(assign="officer")
    url = reverse("api-retaliation-requests")
    officer, officer2 = client_for("officer"), client_for("officer2")

    def refs(client):
        return {row["ref"] for row in client.get(url).json()["results"]}

    assert refs(officer) == {first.service_request.ref}
    assert refs(officer2) == set()  # after the officer's list was kept
    again = count_queries(lambda: officer.get(url))
    assert not [sql for sql in again if "retaliation_retaliationinquiry" in sql], again
    second = make_inquiry(requester="staff2", assign="officer")
    assert refs(officer) == {first.service_request.ref, second.service_request.ref}
    assert refs(officer2) == set()
