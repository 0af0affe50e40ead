"""Every outreach list answers in the same number of queries for 1 row and for 50."""

import itertools

import pytest
from django.urls import reverse

from ethics_office.organisation.models import Entity
from outreach.models import LeadershipDialogue, ManagementLevel
from tests.outreach.factories import (
    DAY,
    CourseCompletionCountFactory,
    OutreachMissionFactory,
    PublicationFactory,
    SeniorBriefingFactory,
    TrainerCertificationFactory,
    TrainingRequestFactory,
    TrainingSessionFactory,
    WebsiteVisitCountFactory,
)
from tests.queries import assert_queries_flat, get_ok

pytestmark = pytest.mark.django_db


def _session(n):
    TrainingSessionFactory.create_batch(n)


def _request(n, user):
    TrainingRequestFactory.create_batch(n, requested_by=user)


def _completions(n):
    CourseCompletionCountFactory.create_batch(n)


def _missions(n):
    OutreachMissionFactory.create_batch(n)


def _briefings(n, user):
    SeniorBriefingFactory.create_batch(n, briefed_by=user)


def _dialogues(n):
    pairs = list(itertools.product(Entity.objects.order_by("code"), ManagementLevel.values))
    for entity, level in pairs[:n]:
        LeadershipDialogue.objects.get_or_create(entity=entity, level=level, defaults={"held_on": DAY})


def _publications(n):
    PublicationFactory.create_batch(n)
    WebsiteVisitCountFactory.create_batch(n)


def _trainers(n):
    TrainerCertificationFactory.create_batch(n)


@pytest.mark.parametrize(
    ("url_name", "maker"),
    [
        ("outreach-sessions", lambda users: _session),
        ("outreach-overview", lambda users: _session),
        ("api-outreach-sessions", lambda users: _session),
        ("outreach-requests", lambda users: lambda n: _request(n, users["staff"])),
        ("api-outreach-requests", lambda users: lambda n: _request(n, users["staff"])),
        ("outreach-completions", lambda users: _completions),
        ("outreach-missions", lambda users: _missions),
        ("outreach-briefings", lambda users: lambda n: _briefings(n, users["officer"])),
        ("outreach-dialogue", lambda users: _dialogues),
        ("outreach-publications", lambda users: _publications),
        ("outreach-trainers", lambda users: _trainers),
    ],
)
def test_office_lists_do_not_grow_with_rows(url_name, maker, people, client_for):
    """The office's list pages and endpoints run a fixed number of queries."""
    client = client_for("officer")
    assert_queries_flat(lambda: get_ok(client, reverse(url_name)), maker(people))


def test_a_staff_members_request_list_does_not_grow(people, client_for):
    """A staff member's own request list runs a fixed number of queries."""
    client = client_for("staff")
    assert_queries_flat(
        lambda: get_ok(client, reverse("outreach-requests")), lambda n: _request(n, people["staff"])
    )
