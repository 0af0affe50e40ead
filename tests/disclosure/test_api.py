import pytest
from django.utils import timezone

from disclosure import services
from ethics_office.audit.models import Action, AuditEvent
from ethics_office.organisation.models import Entity
from tests.factories import PersonFactory

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


@pytest.mark.parametrize("n", [1, 50])
def test_compliance_api_query_count_is_flat(n, cycle, people, django_assert_num_queries):
    """1 or 50 filers: the same number of queries."""
    from rest_framework.test import APIClient

    _fill(cycle, n)
    client = APIClient()
    client.force_authenticate(people["focalpoint"])
    with django_assert_num_queries(4):
        response = client.get(f"/api/disclosure/compliance/?cycle={cycle.year}")
    assert response.json()["count"] == n


@pytest.mark.parametrize("n", [1, 50])
def test_the_dashboard_query_count_is_flat(n, cycle, client_for, django_assert_num_queries):
    _fill(cycle, n)
    client = client_for("focalpoint")
    with django_assert_num_queries(12):
        response = client.get(f"/disclosure/compliance/?cycle={cycle.year}")
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 50])
def test_the_compliance_csv_query_count_is_flat(n, cycle, client_for, django_assert_num_queries):
    _fill(cycle, n)
    client = client_for("focalpoint")
    with django_assert_num_queries(10):
        response = client.get(f"/disclosure/compliance.csv?cycle={cycle.year}")
    assert response.content.decode().count("\n") == n + 1


@pytest.mark.parametrize("n", [1, 50])
def test_the_public_page_query_count_is_flat(n, cycle, people, django_assert_num_queries):
    from django.test import Client

    from disclosure.models import PublicDisclosure

    for _ in range(n):
        filer = FilerFactory(cycle=cycle, person=PersonFactory(grade="ASG"), grade="ASG")
        PublicDisclosure.objects.create(filer=filer, choice="confirmation")
    with django_assert_num_queries(3):
        response = Client().get("/disclosure/public/")
    assert response.status_code == 200
