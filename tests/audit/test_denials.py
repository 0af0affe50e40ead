"""A refusal of something that exists is audited as `denied`; the person still sees a plain 404."""

import threading

import pytest
from django.db import close_old_connections, connection, transaction
from django.urls import reverse

from advisory import services as advisory_services
from ethics_office.audit.models import Action, AuditEvent, AuditSeal
from ethics_office.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_of_staff(people):
    advisory_services.roadmap_defaults_load()
    return advisory_services.advice_request_submit(
        actor=people["staff"], category="outside_activities", question="May I teach?"
    )


def _denials():
    return AuditEvent.objects.filter(action=Action.DENIED)


def test_another_persons_case_is_a_plain_404_and_a_denied_event(client_for, request_of_staff, staff2):
    """staff2 opening staff's request sees 404; the trail names staff2, the object and the address."""
    response = client_for("staff2").get(
        reverse("advisory-request-detail", kwargs={"pk": request_of_staff.pk}), REMOTE_ADDR="10.9.8.7"
    )
    assert response.status_code == 404
    (event,) = _denials()
    assert event.actor == staff2 and event.object_type == "advisory.advicerequest"
    assert event.object_id == str(request_of_staff.pk) and event.client_address == "10.9.8.7"
    assert event.code == "audit.denied"


def test_something_that_does_not_exist_is_a_404_without_a_denial(client_for, request_of_staff):
    """A made-up id answers the same 404, and there is nothing to record."""
    response = client_for("staff2").get(
        reverse("advisory-request-detail", kwargs={"pk": request_of_staff.pk + 1000})
    )
    assert response.status_code == 404
    assert not _denials().exists()


def test_a_refused_write_is_audited_although_its_transaction_rolls_back(client_for, request_of_staff):
    """Posting to another person's request through the API: 404, nothing written but the denial."""
    response = client_for("staff2").post(
        reverse("api-advice-request-messages", kwargs={"pk": request_of_staff.pk}),
        {"body": "let me in"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert _denials().filter(object_id=str(request_of_staff.pk)).count() == 1
    assert not request_of_staff.messages.exists()


def test_five_denials_within_an_hour_alert_the_director(client_for, request_of_staff):
    """Four refusals stay quiet on the Director's home page; the fifth raises the alert."""
    probe = client_for("staff2")
    url = reverse("advisory-request-detail", kwargs={"pk": request_of_staff.pk})
    for _ in range(4):
        probe.get(url)
    home = client_for("director").get(reverse("home")).content.decode()
    assert "several refusals within an hour" not in home
    probe.get(url)
    home = client_for("director").get(reverse("home")).content.decode()
    assert "several refusals within an hour" in home and "staff2: 5 refusals" in home


def test_the_director_filters_the_trail_to_denials(client_for, request_of_staff):
    client_for("staff2").get(reverse("advisory-request-detail", kwargs={"pk": request_of_staff.pk}))
    page = client_for("director").get(reverse("audit-events"), {"action": "denied"}).content.decode()
    assert "advisory.advicerequest" in page


@pytest.mark.django_db(transaction=True)
def test_a_writer_does_not_wait_for_another_writers_open_transaction():
    """Writer A holds its transaction open; writer B's event still commits, and is sealed first."""
    a_wrote, b_done, release = threading.Event(), threading.Event(), threading.Event()
    ids = {}

    def writer_a():
        with transaction.atomic():
            ids["a"] = audit_record(actor=None, action=Action.UPDATE, object_type="t.a", object_id=1).pk
            a_wrote.set()
            release.wait(30)
        connection.close()

    def writer_b():
        ids["b"] = audit_record(actor=None, action=Action.UPDATE, object_type="t.b", object_id=2).pk
        b_done.set()
        connection.close()

    a = threading.Thread(target=writer_a)
    a.start()
    assert a_wrote.wait(10)
    b = threading.Thread(target=writer_b)
    b.start()
    finished_while_a_open = b_done.wait(10)
    release.set()
    a.join(30)
    b.join(30)
    close_old_connections()
    assert finished_while_a_open, "writer B waited for writer A's transaction"
    seals = dict(AuditSeal.objects.values_list("event_id", "seq"))
    assert ids["a"] < ids["b"] and seals[ids["b"]] < seals[ids["a"]]  # the chain follows commit order
