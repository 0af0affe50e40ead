"""The records import reads data as it means: false and null agree where the meaning does, and
imported people carry a name (or none), never their index number as one."""

import json

import pytest

from disclosure.models import Filer
from ethics_office.organisation.models import Person
from reports.records.services import ImportRejected, records_import

pytestmark = pytest.mark.django_db

BASE = [
    {"type": "entity", "code": "DM", "name": "Department of Management", "group": "secretariat"},
    {"type": "duty_station", "code": "NYC", "name": "New York", "headquarters": True},
]


def _filer(person, **extra):
    return {"type": "filer", "cycle": 2011, "person": person, "entity": "DM", "duty_station": "NYC",
            "grade": "ASG", **extra}  # fmt: skip


def _import(records):
    return records_import(actor=None, lines=[json.dumps(r) for r in BASE + records])


def test_a_filer_not_selected_may_say_verification_complete_false():
    """`"verification_selected": false, "verification_complete": false` is accepted and stored as not applicable."""
    _import([_filer("S1", verification_selected=False, verification_complete=False)])
    filer = Filer.objects.get(person__index_number="S1")
    assert filer.verification_selected is False
    assert filer.verification_complete is None


def test_null_yes_no_fields_read_as_no():
    """first_time, verification_selected and headquarters may be null: null means no."""
    _import([_filer("S2", first_time=None, verification_selected=None, verification_complete=None)])
    filer = Filer.objects.get(person__index_number="S2")
    assert (filer.first_time, filer.verification_selected) == (False, False)


def test_complete_verification_of_a_filer_not_selected_is_still_an_error():
    with pytest.raises(ImportRejected) as caught:
        _import([_filer("S3", verification_selected=False, verification_complete=True)])
    assert [e.field for e in caught.value.errors] == ["verification_complete"]
    assert not Filer.objects.filter(person__index_number="S3").exists()


def test_a_public_disclosure_line_names_the_person():
    """The name on a public_disclosure line names the person the import creates."""
    _import([_filer("S4"), {"type": "public_disclosure", "cycle": 2011, "person": "S4",
                            "choice": "confirmation", "name": "Carmen Castillo"}])  # fmt: skip
    assert Person.objects.get(index_number="S4").name == "Carmen Castillo"


def test_without_a_name_the_person_has_none_and_a_later_name_fills_it():
    """No name anywhere: the name stays empty (never the index number); a later import's name fills it."""
    _import([_filer("S5")])
    assert Person.objects.get(index_number="S5").name == ""
    _import([_filer("S5", name="Dmitri Dubois")])
    assert Person.objects.get(index_number="S5").name == "Dmitri Dubois"
    Person.objects.filter(index_number="S5").update(name="S5")  # as earlier imports left it
    _import([_filer("S5", name="Dmitri Dubois")])
    assert Person.objects.get(index_number="S5").name == "Dmitri Dubois"


def test_an_existing_name_is_not_overwritten():
    _import([_filer("S6", name="Esther Eze")])
    _import([_filer("S6", name="Someone Else")])
    assert Person.objects.get(index_number="S6").name == "Esther Eze"


def test_the_public_page_names_imported_participants_and_never_shows_an_index_number(client):
    """Named on their public_disclosure line: the name; named nowhere: a dash, not the index number."""
    _import(
        [
            _filer("S7"),
            {"type": "public_disclosure", "cycle": 2011, "person": "S7", "choice": "confirmation",
             "name": "Farid Fischer"},
            _filer("S8"),
            {"type": "public_disclosure", "cycle": 2011, "person": "S8", "choice": "confirmation"},
        ]
    )  # fmt: skip
    page = client.get("/disclosure/public/?cycle=2011").content.decode()
    # The page's own content: the header's CSRF token and the CSP nonce are random letters and
    # digits, and held "S8" in about one request in 40.
    main = page[page.index("<main") : page.index("</main>")]
    assert "Farid Fischer" in main
    assert "S8" not in main and "<td>—</td>" in main
