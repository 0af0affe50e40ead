import datetime as dt

import pytest
from django.http import Http404

from disclosure import services
from disclosure.models import ConflictItem, FollowUp, Resolution, ReviewOutcome
from disclosure.selectors import filings_with_content_visible_to, statements_visible_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(staff, staff_filer, contents):
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_submit(actor=staff, statement_id=statement.pk, contents=contents, certified=True)
    return statement


def test_the_office_assigns_filers_in_bulk_and_the_reviewer_sees_only_those(
    officer, reviewer, staff_filer, staff2_filer, filed
):
    assert services.reviewers_assign(actor=officer, filer_ids=[staff_filer.pk], reviewer=reviewer) == 1
    assert list(filings_with_content_visible_to(reviewer)) == [staff_filer]
    assert list(statements_visible_to(reviewer)) == [filed]


def test_only_a_reviewer_can_be_assigned(officer, staff, staff_filer):
    with pytest.raises(Exception):  # noqa: B017, PT011 - ApplicationError
        services.reviewers_assign(actor=officer, filer_ids=[staff_filer.pk], reviewer=staff)


def test_the_reviewer_records_conflicts_and_correspondence_and_the_office_resolves(
    officer, reviewer, staff_filer, filed, assign
):
    """Reviewer: conflict item with a recommendation, a logged call. Office: confirmed resolution, followed to done."""
    assign(reviewer, staff_filer)
    item = services.conflict_item_add(
        actor=reviewer,
        filer_id=staff_filer.pk,
        kind="financial_interest",
        description="Shares in a UN vendor",
        recommended_resolution=Resolution.MANAGED_ACCOUNT,
    )
    services.correspondence_log(
        actor=reviewer,
        filer_id=staff_filer.pk,
        on=dt.date.today(),
        channel="phone",
        summary="Asked about shares",
    )
    staff_filer.refresh_from_db()
    assert staff_filer.review_outcome == ReviewOutcome.CONFLICTS
    assert item.resolution == ""
    with pytest.raises(Http404):
        services.conflict_resolution_set(
            actor=reviewer, item_id=item.pk, resolution="recusal", follow_up="done"
        )
    services.conflict_resolution_set(
        actor=officer, item_id=item.pk, resolution=Resolution.RECUSAL, follow_up=FollowUp.FOLLOWING
    )
    services.conflict_resolution_set(
        actor=officer,
        item_id=item.pk,
        resolution=Resolution.RECUSAL,
        follow_up=FollowUp.DONE,
        note="Recusal recorded",
    )
    item = ConflictItem.objects.get(pk=item.pk)
    assert (item.resolution, item.follow_up, item.description) == (
        Resolution.RECUSAL,
        FollowUp.DONE,
        "Shares in a UN vendor",
    )
    assert staff_filer.correspondence.get().channel == "phone"


def test_a_reviewer_not_assigned_cannot_record_findings(reviewer, staff_filer, filed):
    with pytest.raises(Http404):
        services.review_record(actor=reviewer, filer_id=staff_filer.pk, outcome=ReviewOutcome.NO_ISSUE)


def test_no_issue_outcome(reviewer, staff_filer, filed, assign):
    assign(reviewer, staff_filer)
    services.review_record(actor=reviewer, filer_id=staff_filer.pk, outcome=ReviewOutcome.NO_ISSUE)
    staff_filer.refresh_from_db()
    assert staff_filer.review_outcome == ReviewOutcome.NO_ISSUE and staff_filer.reviewed_at


def test_a_focal_point_never_reaches_statement_content(focalpoint, staff_filer, filed, client_for):
    """The focal point for DM sees the DM filer's status on the dashboard, but not the statement, by page or API."""
    assert not statements_visible_to(focalpoint).exists()
    client = client_for("focalpoint")
    dashboard = client.get("/disclosure/compliance/").content.decode()
    assert "Amina Okafor" in dashboard and "Filed" in dashboard
    assert '<td class="num">1</td>' in dashboard  # the DM summary row: 1 filer, 1 filed
    assert "Acme" not in dashboard
    csv_text = client.get("/disclosure/compliance.csv").content.decode()
    assert "Amina Okafor" in csv_text and "Acme" not in csv_text
    assert client.get(f"/disclosure/filings/{staff_filer.pk}/").status_code == 404
    assert client.get(f"/api/disclosure/filings/{staff_filer.pk}/").status_code == 404
    api = client.get("/api/disclosure/compliance/").json()
    assert "Acme" not in str(api)
