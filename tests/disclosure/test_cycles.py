import datetime as dt

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from disclosure import services
from disclosure.models import Filer, FilingCycle
from ethics_office.base.errors import ApplicationError, ValidationFailed
from ethics_office.base.rows import RowsInvalid
from ethics_office.organisation.models import Person
from tests.organisation.factories import PersonFactory

from .factories import CycleFactory, FilerFactory, entity, station

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_opening_a_cycle_proposes_filers_from_the_criteria(people, officer):
    """D-1 and above, procurement and investment staff and Ethics Office staff are proposed, unconfirmed."""
    buyer = PersonFactory(grade="P-3", procurement_function=True)
    investor = PersonFactory(grade="P-2", investment_function=True)
    plain = PersonFactory(grade="P-4")
    cycle = services.cycle_open(actor=officer, year=2030, deadline=dt.date(2030, 4, 30))
    proposed = {f.person_id: f for f in Filer.objects.filter(cycle=cycle)}
    assert buyer.pk in proposed and investor.pk in proposed
    assert people["director"].person.pk in proposed  # D-2 and Ethics Office
    assert people["officer"].person.pk in proposed  # Ethics Office staff
    assert people["panel"].person.pk in proposed  # D-1
    assert plain.pk not in proposed and people["staff"].person.pk not in proposed
    assert not any(f.confirmed for f in proposed.values())
    assert cycle.opens_on == dt.date(2030, 3, 1)


def test_the_office_confirms_proposed_filers(officer, people):
    cycle = services.cycle_open(actor=officer, year=2030, deadline=dt.date(2030, 4, 30))
    ids = list(cycle.filers.values_list("pk", flat=True))
    assert services.filers_confirm(actor=officer, cycle_id=cycle.pk, filer_ids=ids) == len(ids)
    assert not cycle.filers.filter(confirmed=False).exists()


def test_a_filer_who_filed_last_cycle_is_regular_others_first_time(officer, people):
    """First-time or irregular: the person did not file in the previous cycle."""
    director = people["director"].person
    FilerFactory(cycle=CycleFactory(year=2029), person=director, grade="D-2", filed_on=dt.date(2029, 4, 1))
    cycle = services.cycle_open(actor=officer, year=2030, deadline=dt.date(2030, 4, 30))
    assert cycle.filers.get(person=director).first_time is False
    assert cycle.filers.get(person=people["officer"].person).first_time is True


def test_only_the_office_opens_a_cycle(focalpoint):
    with pytest.raises(Http404):
        services.cycle_open(actor=focalpoint, year=2030, deadline=dt.date(2030, 4, 30))
    assert not FilingCycle.objects.exists()


def test_a_focal_point_designates_in_their_entity_with_a_reason_and_a_30_day_deadline(people, focalpoint):
    """Designated mid-cycle, a DM staff member gets their own deadline 30 days away."""
    cycle = CycleFactory(
        year=TODAY.year, opens_on=TODAY - dt.timedelta(days=10), deadline=TODAY + dt.timedelta(days=5)
    )
    filer = services.filer_designate(
        actor=focalpoint, cycle_id=cycle.pk, person=people["staff"].person, reason="Approves contracts"
    )
    assert filer.own_deadline == TODAY + dt.timedelta(days=30)
    assert filer.designation_reason == "Approves contracts" and filer.confirmed


def test_a_focal_point_cannot_designate_outside_their_entities(people, focalpoint, cycle):
    with pytest.raises(Http404):
        services.filer_designate(
            actor=focalpoint, cycle_id=cycle.pk, person=people["staff2"].person, reason="x"
        )
    assert not Filer.objects.exists()


def test_a_designation_needs_a_reason(people, officer, cycle):
    with pytest.raises(ApplicationError) as exc:
        services.filer_designate(actor=officer, cycle_id=cycle.pk, person=people["staff"].person, reason="  ")
    assert exc.value.field == "reason"


GOOD = (
    "index_number,name,grade,entity,duty_station,email\n"
    "U100001,Ana Silva,D-1,UNU,NYC,ana@example.org\n"
    "U100002,Ben Okoro,P-4,UNITAR,GVA,\n"
)


def test_a_valid_filer_list_from_an_entity_outside_the_secretariat_is_imported(officer, cycle):
    assert services.filers_import_csv(actor=officer, cycle_id=cycle.pk, data=GOOD.encode()) == 2
    filer = Filer.objects.get(person__index_number="U100001")
    assert filer.entity == entity("UNU") and filer.duty_station == station("NYC") and filer.grade == "D-1"


def test_a_bad_csv_reports_every_error_by_row_and_saves_nothing(officer, cycle):
    """Rows 3, 4 and 5 are wrong; the valid row 2 is not saved either."""
    data = (
        "index_number,name,grade,entity,duty_station,email\n"
        "U200001,Valid Person,D-1,UNU,NYC,\n"
        "U200002,,X-9,UNU,NYC,\n"
        "U200003,Secretariat Person,P-4,DM,NYC,\n"
        "U200001,Twice,P-4,NOPE,ZZZ,not-an-address\n"
    )
    with pytest.raises(RowsInvalid) as exc:
        services.filers_import_csv(actor=officer, cycle_id=cycle.pk, data=data.encode())
    rows = exc.value.rows
    assert [(e.line, e.field, e.value) for e in rows] == [
        (3, "grade", "X-9"),
        (3, "name", ""),
        (4, "entity", "DM"),
        (5, "duty_station", "ZZZ"),
        (5, "email", "not-an-address"),
        (5, "entity", "NOPE"),
        (5, "index_number", "U200001"),
    ]
    assert all(e.startswith("Line ") for e in exc.value.errors["file"])
    assert rows[0].expected.startswith("one of: G, P-1, P-2")  # few grades: listed
    assert "/reference/codes/#entities" in rows[5].expected  # many entities: the reference page
    assert "Secretariat" in rows[2].expected
    assert not Filer.objects.exists()
    assert not Person.objects.filter(index_number__startswith="U2").exists()


def test_a_csv_without_the_columns_is_refused(officer, cycle):
    with pytest.raises(ValidationFailed):
        services.filers_import_csv(actor=officer, cycle_id=cycle.pk, data=b"a,b\n1,2\n")


def test_the_import_page_shows_row_numbered_errors(officer, cycle, client_for):
    """Through the browser the office sees each row's error after the redirect."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile(
        "list.csv", b"index_number,name,grade,entity,duty_station,email\nU3,,P-4,UNU,NYC,\n"
    )
    response = client_for("officer").post(
        f"/disclosure/cycles/{cycle.year}/import/", {"file": bad}, follow=True
    )
    assert "Line 2: name is empty: expected a value (the column is required)" in response.content.decode()
    assert not Filer.objects.exists()


def test_closing_a_cycle_refers_outstanding_filers_to_ohrm_with_a_letter(officer, people, cycle, client_for):
    """Each confirmed filer still outstanding gets a referral record and a Word letter."""
    outstanding = FilerFactory(cycle=cycle, person=people["staff"].person, grade="P-3")
    FilerFactory(cycle=cycle, person=people["staff2"].person, grade="P-4", filed_on=TODAY)
    referrals = services.cycle_close(actor=officer, cycle_id=cycle.pk)
    assert [r.filer for r in referrals] == [outstanding]
    response = client_for("officer").get(f"/disclosure/referrals/{referrals[0].pk}/letter/")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
    import io

    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Amina Okafor" in text and "D000001" in text


def test_a_filer_query_gets_a_48_hour_clock_and_an_answer(
    staff, officer, staff_filer, django_capture_on_commit_callbacks
):
    from django.core import mail

    query = services.filer_query_ask(actor=staff, filer_id=staff_filer.pk, question="Do index funds count?")
    assert query.due_at - query.asked_at == dt.timedelta(hours=48)
    with django_capture_on_commit_callbacks(execute=True):
        services.filer_query_answer(actor=officer, query_id=query.pk, answer="Yes, list them.")
    query.refresh_from_db()
    assert query.answered_at and query.answer == "Yes, list them."
    assert mail.outbox[0].to == ["staff@example.un.org"]


def test_the_template_beside_the_upload_form_imports_as_it_is(officer, cycle, client_for):
    """The downloadable template is the header and one example row, and that row is valid."""
    response = client_for("officer").get(reverse("disclosure-filer-import-template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, example = response.content.decode().splitlines()
    assert header == "index_number,name,grade,entity,duty_station,email"
    assert services.filers_import_csv(actor=officer, cycle_id=cycle.pk, data=response.content) == 1
