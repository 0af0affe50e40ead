import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from disclosure import services
from disclosure.models import Filer, VerificationDraw
from disclosure.sampling import allocate, stratified_sample, stratum_of
from ethics_office.base.errors import ApplicationError
from tests.organisation.factories import PersonFactory

from .factories import CycleFactory, FilerFactory, entity, station

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_largest_remainder_allocation_is_proportional_and_sums_to_n():
    """60/30/10 of 7: quotas 4.2/2.1/0.7 → 4, 2, 1 (the largest remainder gets the last place)."""
    assert allocate({"a": 60, "b": 30, "c": 10}, 7) == {"a": 4, "b": 2, "c": 1}
    assert sum(allocate({"a": 5, "b": 5, "c": 5}, 4).values()) == 4
    assert allocate({"a": 3}, 10) == {"a": 3}


def test_the_same_seed_draws_the_same_sample():
    population = [(i, f"s{i % 4}") for i in range(1, 101)]
    assert stratified_sample(population, 20, 42) == stratified_sample(list(reversed(population)), 20, 42)
    assert stratified_sample(population, 20, 42)[1] != stratified_sample(population, 20, 43)[1]


def _population(cycle):
    """60 P-3 in DM/NYC, 30 D-1 in UNOG/GVA, 10 P-4 in ESCAP/BKK."""
    for count, grade, ent, ds in [
        (60, "P-3", "DM", "NYC"),
        (30, "D-1", "UNOG", "GVA"),
        (10, "P-4", "ESCAP", "BKK"),
    ]:
        for _ in range(count):
            person = PersonFactory(grade=grade, entity=entity(ent), duty_station=station(ds))
            FilerFactory(cycle=cycle, person=person, grade=grade)


def test_the_draw_is_stratified_proportional_and_reproducible_from_its_seed(officer):
    """A draw of 10 from strata of 60/30/10 takes 6/3/1; replaying its stored seed gives the same filers."""
    cycle = CycleFactory(year=2030)
    _population(cycle)
    draw = services.verification_draw(actor=officer, cycle_id=cycle.pk, size=10)
    assert draw.allocation == {
        stratum_of("P-3", "DM", "NYC"): 6,
        stratum_of("D-1", "UNOG", "GVA"): 3,
        stratum_of("P-4", "ESCAP", "BKK"): 1,
    }
    selected = Filer.objects.filter(cycle=cycle, verification_selected=True)
    assert selected.count() == 10
    assert selected.filter(grade="P-3", entity__code="DM").count() == 6
    population = [
        (f.pk, stratum_of(f.grade, f.entity.code, f.duty_station.code))
        for f in Filer.objects.filter(cycle=cycle).select_related("entity", "duty_station")
    ]
    assert stratified_sample(population, 10, draw.seed)[1] == draw.sampled
    assert VerificationDraw.objects.get(pk=draw.pk).seed == draw.seed


def test_filers_incomplete_last_cycle_are_added_to_the_draw(officer):
    """Whoever left documents incomplete in the previous cycle is verified again, on top of the sample."""
    before, now = CycleFactory(year=2029), CycleFactory(year=2030)
    person = PersonFactory(grade="P-5")
    FilerFactory(
        cycle=before, person=person, grade="P-5", verification_selected=True, verification_complete=False
    )
    carried = FilerFactory(cycle=now, person=person, grade="P-5")
    _population(now)
    draw = services.verification_draw(actor=officer, cycle_id=now.pk, size=5, seed=7)
    assert draw.carried_over == [carried.pk]
    assert carried.pk not in draw.sampled and len(draw.sampled) == 5
    carried.refresh_from_db()
    assert carried.verification_selected


def test_the_filer_uploads_documents_and_the_reviewer_marks_them(staff, reviewer, staff_filer, assign):
    staff_filer.verification_selected = True
    staff_filer.save()
    assign(reviewer, staff_filer)
    document = services.verification_document_upload(
        actor=staff, filer_id=staff_filer.pk, upload=SimpleUploadedFile("bank.pdf", PDF)
    )
    assert document.file.open("rb").read() == PDF
    with pytest.raises(ApplicationError):
        services.verification_document_upload(
            actor=staff, filer_id=staff_filer.pk, upload=SimpleUploadedFile("bank.pdf", b"MZ not a pdf")
        )
    services.verification_mark(actor=reviewer, filer_id=staff_filer.pk, complete=True)
    staff_filer.refresh_from_db()
    assert staff_filer.verification_complete is True


def test_an_unassigned_reviewer_cannot_mark_verification(reviewer, staff_filer):
    staff_filer.verification_selected = True
    staff_filer.save()
    with pytest.raises(Http404):
        services.verification_mark(actor=reviewer, filer_id=staff_filer.pk, complete=True)
