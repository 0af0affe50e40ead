import pytest
from django.utils import timezone

from disclosure import services
from ethics_office.audit.models import Action, AuditEvent
from ethics_office.organisation.models import Entity
from tests.organisation.factories import PersonFactory
from tests.queries import assert_queries_flat, get_ok

from .factories import FilerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(staff, staff_filer, contents):
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_submit(actor=staff, statement_id=statement.pk, contents=contents, certified=True)
    return statement


def test_cycles_are_listed(cycle, client_for):
    body = client_for("staff").get("/api/disclosure/cycles/").json()
    assert body["results"][0]["year"] == cycle.year


def test_compliance_gives_status_fields_only_and_a_focal_point_only_their_entities(
    cycle, staff_filer, staff2_filer, filed, client_for
):
    """Fields: person, index number, entity, status, filed date. `focalpoint` (DM) does not see UNOG's filer."""
    body = client_for("focalpoint").get(f"/api/disclosure/compliance/?cycle={cycle.year}").json()
    assert body["count"] == 1
    row = body["results"][0]
    assert set(row) == {"person", "index_number", "entity", "status", "filed_date"}
    assert row == {
        "person": "Amina Okafor",
        "index_number": "D000001",
        "entity": "DM",
        "status": "filed",
        "filed_date": timezone.localdate().isoformat(),
    }
    office = client_for("officer").get(f"/api/disclosure/compliance/?cycle={cycle.year}").json()
    assert office["count"] == 2


def test_compliance_is_not_for_staff(cycle, client_for):
    assert client_for("staff").get("/api/disclosure/compliance/").status_code == 404


def test_a_filing_reads_with_its_statement_for_the_filer_reviewer_and_office_and_is_audited(
    staff_filer, filed, reviewer, assign, client_for
):
    assign(reviewer, staff_filer)
    for username in ("staff", "reviewer", "officer", "director"):
        before = AuditEvent.objects.filter(action=Action.VIEW, object_type="disclosure.statement").count()
        body = client_for(username).get(f"/api/disclosure/filings/{staff_filer.pk}/").json()
        assert body["statement"]["contents"]["assets"][0].startswith("Shares in Acme"), username
        assert (
            AuditEvent.objects.filter(action=Action.VIEW, object_type="disclosure.statement").count()
            == before + 1
        )
    for username in ("staff2", "focalpoint", "panel", "admin"):
        assert client_for(username).get(f"/api/disclosure/filings/{staff_filer.pk}/").status_code == 404


def _fill(cycle, n):
    dm = Entity.objects.get(code="DM")
    for i in range(n):
        FilerFactory(
            cycle=cycle, person=PersonFactory(entity=dm), filed_on=timezone.localdate() if i % 2 else None
        )


def test_compliance_api_query_count_is_flat(cycle, people):
    """1 or 50 filers: the same number of queries."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(people["focalpoint"])
    url = f"/api/disclosure/compliance/?cycle={cycle.year}"
    assert_queries_flat(lambda: get_ok(client, url), lambda n: _fill(cycle, n), what="filers")
    assert client.get(url).json()["count"] == 50


def test_the_dashboard_query_count_is_flat(cycle, client_for):
    """The focal point's compliance dashboard costs the same with 1 filer and with 50."""
    client = client_for("focalpoint")
    url = f"/disclosure/compliance/?cycle={cycle.year}"
    assert_queries_flat(lambda: get_ok(client, url), lambda n: _fill(cycle, n), what="filers")


def test_the_compliance_csv_query_count_is_flat(cycle, client_for):
    """The compliance CSV costs the same with 1 filer and with 50, one line each."""
    client = client_for("focalpoint")
    url = f"/disclosure/compliance.csv?cycle={cycle.year}"
    assert_queries_flat(lambda: get_ok(client, url), lambda n: _fill(cycle, n), what="filers")
    assert get_ok(client, url).content.decode().count("\n") == 51


def test_the_public_page_query_count_is_flat(cycle, people):
    """The public disclosure page costs the same with 1 senior official and with 50."""
    from django.test import Client

    from disclosure.models import PublicDisclosure

    def disclose(n):
        for _ in range(n):
            filer = FilerFactory(cycle=cycle, person=PersonFactory(grade="ASG"), grade="ASG")
            PublicDisclosure.objects.create(filer=filer, choice="confirmation")

    client = Client()
    assert_queries_flat(lambda: get_ok(client, "/disclosure/public/"), disclose, what="disclosures")
