"""Irreversible steps go through a confirmation page that states the consequence and the count;
earlier statement versions open read-only; the reviewer's form keeps the recorded outcome."""

import pytest
from django.utils import timezone

from disclosure import services
from disclosure.models import Filer, Referral
from ethics_office.audit.models import Action, AuditEvent

from .factories import FilerFactory

pytestmark = pytest.mark.django_db


def test_closing_shows_how_many_will_be_referred_and_changes_nothing_until_confirmed(client_for, cycle):
    """The close page says "3 filers will be referred to OHRM"; only the confirmed POST closes."""
    for _ in range(3):
        FilerFactory(cycle=cycle)
    FilerFactory(cycle=cycle, filed_on=timezone.localdate())
    client = client_for("officer")
    url = f"/disclosure/cycles/{cycle.year}/close/"
    page = client.get(url).content.decode()
    assert "3 filers will be referred to OHRM" in page
    assert client.post(url).status_code == 200  # an unconfirmed POST only shows the page again
    cycle.refresh_from_db()
    assert cycle.closed_on is None and not Referral.objects.exists()
    assert client.post(url, {"confirmed": "1"}).status_code == 302
    cycle.refresh_from_db()
    assert cycle.closed_on is not None and Referral.objects.count() == 3


def test_confirming_all_proposed_filers_goes_through_the_confirmation_page(client_for, cycle):
    for _ in range(2):
        FilerFactory(cycle=cycle, confirmed=False)
    client = client_for("officer")
    url = f"/disclosure/cycles/{cycle.year}/confirm/"
    assert "2 proposed filers will be confirmed" in client.get(url).content.decode()
    assert Filer.objects.filter(cycle=cycle, confirmed=False).count() == 2
    assert client.post(url, {"confirmed": "1"}).status_code == 302
    assert not Filer.objects.filter(cycle=cycle, confirmed=False).exists()
    event = AuditEvent.objects.filter(object_type="disclosure.filingcycle", action=Action.UPDATE).last()
    assert event.changes["confirmed"][1] in (2, "2")


@pytest.fixture
def amended(staff, staff_filer, contents, reviewer, assign):
    first = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_submit(actor=staff, statement_id=first.pk, contents=contents, certified=True)
    second = services.statement_amend(actor=staff, filer_id=staff_filer.pk)
    services.statement_submit(
        actor=staff, statement_id=second.pk, contents={**contents, "gifts": ["A pen"]}, certified=True
    )
    assign(reviewer, staff_filer)
    return first, second


@pytest.mark.parametrize("who", ["staff", "reviewer"])
def test_the_filer_and_the_assigned_reviewer_open_an_earlier_version_read_only(
    who, client_for, people, amended
):
    first, _second = amended
    response = client_for(who).get(f"/disclosure/statements/{first.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Shares in Acme Corp" in page and "A pen" not in page
    assert "/amend/" not in page and f"/filings/{first.filer_id}/statement/" not in page  # nothing to change
    assert AuditEvent.objects.filter(
        action=Action.VIEW, object_type="disclosure.statement", object_id=str(first.pk), actor=people[who]
    ).exists()


def test_the_filing_links_every_version(client_for, amended):
    first, second = amended
    page = client_for("staff").get(f"/disclosure/filings/{first.filer_id}/").content.decode()
    assert f"/disclosure/statements/{first.pk}/" in page and f"/disclosure/statements/{second.pk}/" in page


@pytest.mark.parametrize("who", ["focalpoint", "staff2"])
def test_others_get_404_on_a_version(who, client_for, amended):
    assert client_for(who).get(f"/disclosure/statements/{amended[0].pk}/").status_code == 404


def test_the_review_form_keeps_the_recorded_outcome(client_for, reviewer, amended):
    filer_id = amended[0].filer_id
    client = client_for("reviewer")
    client.post(f"/disclosure/filings/{filer_id}/review/", {"outcome": "conflicts"})
    form = client.get(f"/disclosure/filings/{filer_id}/").context["review_form"]
    assert form["outcome"].value() == "conflicts"
