"""The verification page: strata, the people drawn, one draw per cycle, the Director's redraw, Excel."""

import io

import pytest
from django.http import Http404
from openpyxl import load_workbook

from disclosure import services
from disclosure.models import Filer, VerificationDraw
from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.errors import ApplicationError
from tests.organisation.factories import PersonFactory
from tests.queries import count_queries, get_ok

from .factories import CycleFactory, FilerFactory, entity, station

pytestmark = pytest.mark.django_db


def _population(cycle, n_dm=6, n_gva=3):
    for count, grade, ent, ds in [(n_dm, "P-3", "DM", "NYC"), (n_gva, "D-1", "UNOG", "GVA")]:
        for _ in range(count):
            person = PersonFactory(grade=grade, entity=entity(ent), duty_station=station(ds))
            FilerFactory(cycle=cycle, person=person, grade=grade)


def test_one_draw_per_cycle(officer):
    """A second draw in the same cycle is refused; the first one stands."""
    cycle = CycleFactory(year=2030)
    _population(cycle)
    services.verification_draw(actor=officer, cycle_id=cycle.pk, size=3, seed=1)
    with pytest.raises(ApplicationError):
        services.verification_draw(actor=officer, cycle_id=cycle.pk, size=3, seed=2)
    assert VerificationDraw.objects.filter(cycle=cycle).count() == 1


def test_the_director_redraws_with_a_reason_and_the_earlier_draw_is_kept(officer, director):
    """The redraw supersedes the first draw (kept, with its sample); only the new sample stays selected."""
    cycle = CycleFactory(year=2030)
    _population(cycle)
    first = services.verification_draw(actor=officer, cycle_id=cycle.pk, size=3, seed=1)
    with pytest.raises(ApplicationError):
        services.verification_redraw(actor=director, cycle_id=cycle.pk, reason="  ")
    second = services.verification_redraw(
        actor=director, cycle_id=cycle.pk, reason="Wrong population", seed=99
    )
    first.refresh_from_db()
    assert first.superseded_at is not None and first.sampled
    assert second.superseded_at is None and second.reason == "Wrong population" and second.size == 3
    selected = set(Filer.objects.filter(cycle=cycle, verification_selected=True).values_list("pk", flat=True))
    assert selected == set(second.sampled)
    assert AuditEvent.objects.filter(action=Action.TRANSITION, object_id=str(first.pk)).exists()


def test_an_officer_cannot_redraw(officer):
    cycle = CycleFactory(year=2030)
    _population(cycle)
    services.verification_draw(actor=officer, cycle_id=cycle.pk, size=3, seed=1)
    with pytest.raises(Http404):
        services.verification_redraw(actor=officer, cycle_id=cycle.pk, reason="x")


def test_the_page_shows_strata_and_who_was_drawn_with_carried_over_marked(officer, client_for):
    """Population and sample per stratum; each person drawn, last cycle's incomplete filers marked."""
    before, cycle = CycleFactory(year=2029), CycleFactory(year=2030)
    person = PersonFactory(name="Carried Person", grade="P-5")
    FilerFactory(
        cycle=before, person=person, grade="P-5", verification_selected=True, verification_complete=False
    )
    FilerFactory(cycle=cycle, person=person, grade="P-5")
    _population(cycle)
    draw = services.verification_draw(actor=officer, cycle_id=cycle.pk, size=3, seed=5)
    page = client_for("officer").get("/disclosure/cycles/2030/verification/").content.decode()
    assert "P1-P3" in page and "D1-D2" in page
    assert draw.population == {"D1-D2|UNOG|GVA": 3, "P1-P3|DM|NYC": 6}
    assert "Carried Person" in page and "Incomplete in 2029" in page
    for filer in Filer.objects.filter(pk__in=draw.sampled).select_related("person"):
        assert filer.person.name in page


def test_the_page_costs_the_same_queries_for_1_and_50_drawn(officer, client_for):
    client = client_for("officer")
    counts = []
    for year, size in [(2030, 1), (2031, 50)]:
        cycle = CycleFactory(year=year)
        _population(cycle, n_dm=40, n_gva=20)
        services.verification_draw(actor=officer, cycle_id=cycle.pk, size=size, seed=3)
        url = f"/disclosure/cycles/{year}/verification/"
        counts.append(len(count_queries(lambda url=url: get_ok(client, url))))
    assert counts[0] == counts[1]


def test_the_excel_export_lists_strata_and_people_and_is_audited(officer, client_for):
    cycle = CycleFactory(year=2030)
    _population(cycle)
    draw = services.verification_draw(actor=officer, cycle_id=cycle.pk, size=3, seed=1)
    response = client_for("officer").get("/disclosure/cycles/2030/verification.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    strata, people = book.worksheets
    assert strata.max_row >= 3
    assert people.max_row == 1 + len(draw.sampled)
    assert AuditEvent.objects.filter(action=Action.EXPORT, object_id=str(draw.pk)).exists()


def test_the_redraw_page_states_the_consequence_then_redraws(officer, director, client_for):
    cycle = CycleFactory(year=2030)
    _population(cycle)
    services.verification_draw(actor=officer, cycle_id=cycle.pk, size=3, seed=1)
    client = client_for("director")
    page = client.get("/disclosure/cycles/2030/verification/redraw/").content.decode()
    assert "The current draw of 3 filers will be replaced" in page
    assert VerificationDraw.objects.filter(cycle=cycle).count() == 1
    response = client.post(
        "/disclosure/cycles/2030/verification/redraw/", {"confirmed": "1", "reason": "Population changed"}
    )
    assert response.status_code == 302
    assert VerificationDraw.objects.filter(cycle=cycle).count() == 2
    page = client.get("/disclosure/cycles/2030/verification/").content.decode()
    assert "Population changed" in page and "superseded" in page
