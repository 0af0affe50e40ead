"""List pages and list endpoints keep the same number of queries with 1 row and with 50."""

import pytest
from django.urls import reverse

from advisory import services
from advisory.models import AdviceRequest
from tests.queries import assert_queries_flat, count_queries, get_ok

CATEGORIES = ["outside_activities", "gifts_honours_awards", "employment", "procurement", "other"]


def _make(people, n):
    for i in range(n):
        requester = people["staff"] if i % 2 == 0 else people["staff2"]
        req = services.advice_request_submit(actor=requester, category=CATEGORIES[i % 5], question=f"Q{i}")
        if i % 3 == 0:
            officer = people["officer"]
            services.advice_request_assign(actor=officer, request_id=req.pk, officer=officer)
        if i % 5 == 0:
            services.advice_message_post(actor=requester, request_id=req.pk, body="More facts")


PAGES = [
    ("director", "advisory-queue", None),
    ("director", "advisory-queue", {"status": "all", "sort": "officer"}),
    ("director", "advisory-queue", {"status": "all", "sort": "-received"}),
    ("officer", "advisory-queue", None),
    ("staff", "advisory-my-requests", None),
    ("director", "api-advice-requests", None),
    ("officer", "api-advice-requests", None),
    ("officer", "api-advice-requests", {"q": "D0000", "sort": "officer"}),
    ("staff", "api-advice-requests", None),
    # The home pages count the queue (panels): the same queries whatever its length.
    ("officer", "home", None),
    ("director", "home", None),
    ("staff", "home", None),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "url_name", "params"), PAGES)
def test_list_query_count_does_not_grow(who, url_name, params, people, client_for):
    """A list with one or two rows costs as many queries as a full page of 50 (and more)."""
    from ethics_office.base import dataversion

    client = client_for(who)
    url = reverse(url_name)

    def measure():
        dataversion._bump()  # the lists and panels computed, not read from the cache (base.dataversion)
        return get_ok(client, url, params)

    assert_queries_flat(measure, lambda n: _make(people, n), few=2, many=100)
    assert AdviceRequest.objects.count() == 100


@pytest.mark.django_db
def test_precedent_list_query_count(people, client_for):
    """The precedents page costs the same with 1 precedent and with 50."""
    officer = people["officer"]

    def publish(n):
        for i in range(n):
            services.precedent_publish(actor=officer, category="other", title=f"P{i}", summary="S")

    client = client_for("officer2")
    assert_queries_flat(lambda: get_ok(client, reverse("advisory-precedents")), publish)


@pytest.mark.django_db
def test_htmx_filtering_returns_only_the_results_at_the_same_cost(people, client_for):
    """With htmx the queue's filters refresh the results table only, for the same queries as the full page."""
    client = client_for("director")
    url = reverse("advisory-queue")
    _make(people, 3)
    params = {"category": "outside_activities"}
    full = get_ok(client, url, params)
    partial = get_ok(client, url, params, HTTP_HX_REQUEST="true")
    assert len(count_queries(lambda: get_ok(client, url, params, HTTP_HX_REQUEST="true"))) == len(
        count_queries(lambda: get_ok(client, url, params))
    )
    body = partial.content.decode()
    assert "<html" not in body and "<table>" in body
    assert 'id="queue-results"' in full.content.decode()
    refs = [r.service_request.ref for r in AdviceRequest.objects.filter(category__code="outside_activities")]
    assert refs and all(ref in body for ref in refs)


@pytest.mark.django_db
def test_a_long_queue_counts_up_to_the_cap_and_says_so(people, client_for, monkeypatch):
    """Beyond the cap the total is "more than N" (count_capped in the API); below it, exact."""
    from ethics_office.base.pagination import CappedCountPaginator

    monkeypatch.setattr(CappedCountPaginator, "cap", 5)
    _make(people, 4)
    client = client_for("director")
    body = client.get(reverse("api-advice-requests")).json()
    assert (body["count"], body["count_capped"], len(body["results"])) == (4, False, 4)
    assert "4 requests" in client.get(reverse("advisory-queue"), {"status": "all"}).content.decode()
    _make(people, 4)
    body = client.get(reverse("api-advice-requests")).json()
    assert (body["count"], body["count_capped"], len(body["results"])) == (6, True, 8)
    assert "More than 5 requests" in client.get(reverse("advisory-queue"), {"status": "all"}).content.decode()
