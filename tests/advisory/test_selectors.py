"""Who sees which advice request."""

import datetime as dt

import pytest

from advisory import services
from advisory.models import AdviceRequest, Status
from advisory.selectors import advice_queue, advice_requests_visible_to, clock_of
from ethics_office.intake.models import ServiceRequest


@pytest.mark.django_db
def test_visibility_by_role(ask, assigned, people):
    """Staff see their own; officers see triage and their cases; the Director all; others none."""
    unassigned = ask(people["staff2"])

    def seen(name):
        return set(advice_requests_visible_to(people[name]).values_list("pk", flat=True))

    assert seen("staff") == {assigned.pk}
    assert seen("staff2") == {unassigned.pk}
    assert seen("officer") == {assigned.pk, unassigned.pk}
    assert seen("officer2") == {unassigned.pk}
    assert seen("director") == {assigned.pk, unassigned.pk}
    for name in ("focalpoint", "reviewer", "panel", "admin"):
        assert seen(name) == set(), name


@pytest.mark.django_db
def test_the_clock_flags_late_acknowledgement_and_late_advice(ask, settings):
    """Received 10 days ago and not acknowledged: both clocks overdue; settings change the limits."""
    req = ask()
    ServiceRequest.objects.filter(pk=req.service_request_id).update(
        received=dt.date.today() - dt.timedelta(days=10)
    )
    req = AdviceRequest.objects.select_related("service_request").get(pk=req.pk)
    clock = clock_of(req)
    assert clock.ack_overdue and not clock.advise_overdue
    settings.ADVICE_ADVISE_DAYS = 5
    assert clock_of(req).advise_overdue
    settings.ADVICE_ACK_WORKING_DAYS = 20
    assert not clock_of(req).ack_overdue


@pytest.mark.django_db
def test_queue_filters_and_overdue(ask, assigned, people):
    """The queue filters by category, status, officer and overdue, and searches by reference."""
    late = ask(people["staff2"], category="employment")
    ServiceRequest.objects.filter(pk=late.service_request_id).update(
        received=dt.date.today() - dt.timedelta(days=40)
    )
    director = people["director"]
    assert list(advice_queue(director, filters={"category": "employment"})) == [late]
    assert list(advice_queue(director, filters={"status": Status.ASSIGNED})) == [assigned]
    assert list(advice_queue(director, filters={"officer": "none"})) == [late]
    assert list(advice_queue(director, filters={"officer": people["officer"].pk})) == [assigned]
    assert list(advice_queue(director, filters={"overdue": True})) == [late]
    assert list(advice_queue(director, filters={"older_than": 30})) == [late]
    assert list(advice_queue(director, filters={"q": late.service_request.ref})) == [late]
    assert list(advice_queue(director, filters={"q": "Lars"})) == [late]
    assert list(advice_queue(people["staff"])) == []


@pytest.mark.django_db
def test_a_request_made_today_is_not_overdue(ask):
    req = ask()
    assert not clock_of(AdviceRequest.objects.select_related("service_request").get(pk=req.pk)).overdue
    assert services  # imported for fixtures' sake
