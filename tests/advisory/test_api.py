"""The API: same gate as the pages, filters, the thread, transitions, the one error shape."""

import pytest
from django.urls import reverse

from advisory.models import AdviceRequest, Status
from ethics_office.audit.models import Action, AuditEvent


@pytest.mark.django_db
def test_staff_create_and_list_only_their_own(client_for, ask, people):
    """`staff` creates a request through the API and lists only their own."""
    ask(people["staff2"])
    client = client_for("staff")
    response = client.post(
        reverse("api-advice-requests"),
        {"category": "personal_investments", "question": "May I hold shares in a supplier?"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["ref"].startswith("ADV-")
    listing = client.get(reverse("api-advice-requests")).json()
    assert [r["id"] for r in listing["results"]] == [response.json()["id"]]


@pytest.mark.django_db
def test_detail_is_gated_and_audited(client_for, assigned):
    """`staff2` gets 404 for `staff`'s request; the owner's view is audited."""
    url = reverse("api-advice-request-detail", kwargs={"pk": assigned.pk})
    assert client_for("staff2").get(url).status_code == 404
    assert client_for("staff2").get(url).json()["error"]["code"] == "not_found"
    assert client_for("staff").get(url).status_code == 200
    assert AuditEvent.objects.filter(action=Action.VIEW, object_id=str(assigned.pk)).count() == 1


@pytest.mark.django_db
def test_office_filters_the_queue(client_for, ask, assigned, people):
    other = ask(people["staff2"], category="employment")
    client = client_for("director")
    ids = lambda q: [r["id"] for r in client.get(reverse("api-advice-requests"), q).json()["results"]]  # noqa: E731
    assert ids({"category": "employment"}) == [other.pk]
    assert ids({"officer": "none"}) == [other.pk]
    assert ids({"status": "assigned"}) == [assigned.pk]
    assert ids({"q": assigned.service_request.ref}) == [assigned.pk]


@pytest.mark.django_db
def test_thread_and_transition(client_for, in_progress):
    """The officer writes, the requester reads; the requester cannot advise but can withdraw."""
    msgs = reverse("api-advice-request-messages", kwargs={"pk": in_progress.pk})
    trans = reverse("api-advice-request-transition", kwargs={"pk": in_progress.pk})
    officer, staff = client_for("officer"), client_for("staff")
    assert (
        officer.post(msgs, {"body": "Please send the contract."}, content_type="application/json").status_code
        == 201
    )
    assert [m["body"] for m in staff.get(msgs).json()] == ["Please send the contract."]
    assert client_for("staff2").get(msgs).status_code == 404
    response = staff.post(trans, {"to": "advised"}, content_type="application/json")
    assert response.status_code == 403
    response = officer.post(trans, {"to": "closed"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "transition_not_allowed"
    response = officer.post(trans, {"to": "awaiting_requester"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == "awaiting_requester"
    assert staff.post(trans, {"to": "withdrawn"}, content_type="application/json").status_code == 200
    assert AdviceRequest.objects.get(pk=in_progress.pk).status == Status.WITHDRAWN


@pytest.mark.django_db
def test_officer_records_on_behalf_through_the_api(client_for):
    response = client_for("officer").post(
        reverse("api-advice-requests"),
        {"requester_index": "D000001", "category": "other", "question": "By phone.", "channel": "helpline"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["channel"] == "helpline"
    assert response.json()["requester"] == "Amina Okafor"


@pytest.mark.django_db
def test_advice_is_hidden_from_the_requester_until_given(client_for, in_progress):
    AdviceRequest.objects.filter(pk=in_progress.pk).update(advice="Draft advice")
    url = reverse("api-advice-request-detail", kwargs={"pk": in_progress.pk})
    assert client_for("staff").get(url).json()["advice"] == ""
    assert client_for("officer").get(url).json()["advice"] == "Draft advice"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("officer=abc", "officer"),
        ("officer=1e9", "officer"),
        ("officer=%C2%B2", "officer"),
        ("officer=99999999999999999999999", "officer"),
        ("older_than=1e9", "older_than"),
        ("older_than=%C2%B2", "older_than"),
        ("older_than=%00", "older_than"),
        ("older_than=99999999999999999999999", "older_than"),
        ("older_than=-1", "older_than"),
        ("q=%00", "q"),
        ("status=%00", "status"),
        ("status=nonsense", "status"),
        ("category=astrology", "category"),
        ("channel=pigeon", "channel"),
        ("overdue=perhaps", "overdue"),
        ("sort=%C2%B2", "sort"),
    ],
)
def test_a_bad_filter_value_answers_400_naming_the_parameter(client_for, assigned, query, field):
    """A malformed query parameter is a 400 in the one error shape, never a 500 or a silent no-op."""
    for role in ("director", "staff"):
        response = client_for(role).get(f"{reverse('api-advice-requests')}?{query}")
        assert response.status_code == 400, (role, query, response.content)
        error = response.json()["error"]
        assert error["code"] == "invalid"
        assert error["message"]
        assert list(error["fields"]) == [field]
        assert error["fields"][field]


@pytest.mark.django_db
def test_the_office_filters_by_age_overdue_and_open(client_for, assigned, people):
    """older_than, overdue and status=open filter as the queue page does; the values are validated."""
    client = client_for("director")
    url = reverse("api-advice-requests")
    ids = lambda q: [r["id"] for r in client.get(url, q).json()["results"]]  # noqa: E731
    assert ids({"older_than": 0, "status": "open"}) == [assigned.pk]
    assert ids({"older_than": 36500}) == []
    assert ids({"overdue": "false", "officer": people["officer"].pk}) == [assigned.pk]
    assert ids({"sort": "ref"}) == [assigned.pk]
    assert ids({"replied": "true"}) == []
    from advisory import services

    services.advice_message_post(actor=people["staff"], request_id=assigned.pk, body="More.")
    assert ids({"replied": "true", "officer": people["officer"].pk}) == [assigned.pk]


def test_the_schema_documents_every_filter(client_for, db):
    """The OpenAPI schema lists the list's query parameters from the FilterSet."""
    schema = client_for("officer").get(reverse("api-schema"), {"format": "json"})
    assert schema.status_code == 200
    operation = schema.json()["paths"][reverse("api-advice-requests")]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {
        "status",
        "category",
        "channel",
        "officer",
        "older_than",
        "overdue",
        "replied",
        "q",
        "sort",
    } <= names
