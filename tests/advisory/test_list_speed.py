"""The queue's speed measures (docs/performance.md) change how rows are read, never what they say:
the API's rows built directly equal DRF's generic ones, and a list kept under the data version
is the same list, for the same person only, and never outlives a change."""

import pytest
from django.urls import reverse
from django.utils import translation

from advisory import selectors, services
from advisory.models import AdviceRequest, Status
from advisory.serializers import AdviceRequestSerializer
from advisory.services.anonymous import anonymous_question_ask
from tests.queries import count_queries


@pytest.mark.django_db
def test_the_rows_built_directly_equal_the_generic_serializer(people, ask, in_progress):
    """Every shape a row can take: unassigned, assigned and in progress, advised with a date,
    anonymous (no requester), no advice category, for the office and for the requester."""
    officer = people["officer"]
    unassigned = ask(people["staff2"])
    advised = ask(people["staff"], category="gifts_honours_awards")
    services.advice_request_assign(actor=officer, request_id=advised.pk, officer=officer)
    services.advice_request_transition(actor=officer, request_id=advised.pk, to=Status.IN_PROGRESS)
    services.advice_request_conclude(
        actor=officer, request_id=advised.pk, outcome="advised", advice="You may."
    )
    anonymous, _receipt = anonymous_question_ask(category="other", question="Is this allowed?")
    AdviceRequest.objects.filter(pk=unassigned.pk).update(category=None)
    rows = list(
        AdviceRequest.objects.select_related(
            "service_request__category", "service_request__requester", "category", "assigned_to"
        )
    )
    assert len(rows) == 4
    for office in (True, False):
        serializer = AdviceRequestSerializer(context={"office": office})
        for row in rows:
            assert serializer.to_representation(row) == serializer.generic_representation(row), row.pk
    # The office's list reads its rows as values (selectors.queue_rows): the same dictionaries,
    # in every language (a category's label is read in the active one).
    values = selectors.queue_rows(selectors.queue_values(AdviceRequest.objects.order_by("pk")))
    assert [row.pk for row in values] == sorted(row.pk for row in rows)
    by_pk = {row.pk: row for row in rows}
    for office in (True, False):
        serializer = AdviceRequestSerializer(context={"office": office})
        for row in values:
            assert serializer.row_representation(row) == serializer.to_representation(by_pk[row.pk]), row.pk
    for language in ("en", "zh-hans", "fr"):
        with translation.override(language):
            for row in selectors.queue_rows(selectors.queue_values(AdviceRequest.objects.all())):
                category = by_pk[row.pk].category
                assert row.category_label == (None if category is None else category.display_label)
    shown = {row.pk: AdviceRequestSerializer(context={"office": True}).to_representation(row) for row in rows}
    assert shown[anonymous.pk]["requester"] is None
    assert shown[unassigned.pk]["category"] is None and shown[unassigned.pk]["officer"] is None
    assert shown[advised.pk]["advised_at"] and shown[advised.pk]["advice"] == "You may."


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["advisory-queue", "api-advice-requests"])
def test_a_list_asked_again_unchanged_reads_no_rows_and_a_change_shows_at_once(
    url_name, people, client_for, ask
):
    ask(people["staff"], question="First question")
    client = client_for("officer")
    url = reverse(url_name)
    first = client.get(url)
    assert first.status_code == 200
    again = count_queries(lambda: client.get(url))
    assert not [sql for sql in again if "advisory_advicerequest" in sql], again
    new = ask(people["staff2"], question="Second question")  # a write moves the data version on
    after = client.get(url)
    assert new.service_request.ref.encode() in after.content
    assert new.service_request.ref.encode() not in first.content


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["advisory-queue", "api-advice-requests"])
def test_a_kept_list_is_never_shown_to_someone_else(url_name, people, client_for, assigned):
    """A request assigned to `officer` is in their queue, not in `officer2`'s; each person gets
    their own list, in either order, from a warm cache."""
    url = reverse(url_name)
    ref = assigned.service_request.ref.encode()
    officer, officer2 = client_for("officer"), client_for("officer2")

    def listed(client):  # the rows (a page's frame carries a fresh nonce each time)
        content = client.get(url, {"status": "assigned"}).content
        return (
            content[content.find(b"<table") : content.find(b"</table>")] if b"<table" in content else content
        )

    seen_by_officer, seen_by_officer2 = listed(officer), listed(officer2)
    assert ref in seen_by_officer
    assert ref not in seen_by_officer2
    assert listed(officer) == seen_by_officer
    assert listed(officer2) == seen_by_officer2


@pytest.mark.django_db
def test_a_kept_list_follows_the_language(people, client_for, ask):
    ask(people["staff"])
    client = client_for("officer")
    url = reverse("advisory-queue")
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.cookies["django_language"] = "fr"
    french = client.get(url).content.decode()
    assert "Received" in english and "Reçue" in french


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "params"), [("advisory-queue", {"status": "all"}), ("api-advice-requests", {})]
)
def test_the_queue_is_counted_without_the_joins_its_rows_read(url_name, params, people, client_for, ask):
    """The rows are read across five joins; the total is counted over the requests alone (a count
    of the rows' query kept its joins: five times slower at 90,000 requests)."""
    ask(people["staff"])
    sql = count_queries(lambda: client_for("officer").get(reverse(url_name), params))
    counts = [q for q in sql if q.startswith("SELECT COUNT(*)") and "advisory_advicerequest" in q]
    rows = [q for q in sql if '"intake_servicerequest"."ref"' in q and "LIMIT" in q]
    assert len(counts) == 1 and len(rows) == 1, sql
    outer = counts[0].split(" WHERE ", 1)[0]
    assert outer.endswith('FROM "advisory_advicerequest"'), counts[0]
    assert "JOIN" in rows[0]
