"""Recording a request on someone's behalf: finding the person by name, e-mail or index number."""

import datetime as dt

import pytest
from django.urls import reverse

from advisory import selectors
from advisory.models import AdviceRequest


@pytest.mark.django_db
def test_people_search_by_name_email_or_index(people):
    officer = people["officer"]
    names = lambda q: [p.name for p in selectors.people_search(officer, q)]  # noqa: E731
    assert names("eriksen") == ["Lars Eriksen"]
    assert names("lars eriks") == ["Lars Eriksen"]
    assert names("d000002") == ["Lars Eriksen"]
    assert names(people["staff2"].person.email or "nobody@example.org") == (
        ["Lars Eriksen"] if people["staff2"].person.email else []
    )
    assert names("no such person") == []
    # Staff may not search people.
    assert list(selectors.people_search(people["staff"], "eriksen")) == []


@pytest.mark.django_db
def test_record_page_finds_and_records_by_name(client_for, people):
    client = client_for("officer")
    page = client.get(reverse("advisory-record"), {"find": "Eriksen"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Lars Eriksen" in body and "?requester=D000002" in body
    chosen = client.get(reverse("advisory-record"), {"requester": "D000002"})
    assert 'value="D000002"' in chosen.content.decode()
    response = client.post(
        reverse("advisory-record"),
        {
            "requester_index": "Lars Eriksen",
            "intake_category": "advice",
            "category": "conflict_of_interest",
            "channel": "helpline",
            "received": dt.date.today().isoformat(),
            "question": "Caller asks about a board seat.",
        },
    )
    assert response.status_code == 302
    assert AdviceRequest.objects.get().service_request.requester.user == people["staff2"]


@pytest.mark.django_db
def test_record_by_ambiguous_name_asks_for_the_index(client_for, people):
    response = client_for("officer").post(
        reverse("advisory-record"),
        {
            "requester_index": "a",
            "intake_category": "advice",
            "category": "conflict_of_interest",
            "channel": "helpline",
            "received": dt.date.today().isoformat(),
            "question": "Q",
        },
    )
    assert response.status_code == 200
    assert "give the index number" in response.content.decode()
    assert not AdviceRequest.objects.exists()
