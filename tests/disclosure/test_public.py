import pytest
from django.test import Client

from disclosure import services
from disclosure.models import PublicDisclosureChoice
from ethics_office.base.errors import ApplicationError
from ethics_office.organisation.models import Person

from .factories import FilerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def usg_filer(people, cycle):
    person = people["staff"].person
    Person.objects.filter(pk=person.pk).update(grade="USG")
    return FilerFactory(cycle=cycle, person=person, grade="USG")


def test_a_senior_filer_chooses_full_disclosure_and_the_public_page_shows_it(staff, usg_filer, cycle):
    """No login: the page lists the participant, the choice and the approved summary."""
    services.public_disclosure_choose(
        actor=staff,
        filer_id=usg_filer.pk,
        choice=PublicDisclosureChoice.FULL_DISCLOSURE,
        summary="Holds index funds only.",
    )
    page = Client().get("/disclosure/public/").content.decode()
    assert "Amina Okafor" in page and "Full public disclosure" in page and "Holds index funds only." in page


def test_a_confirmation_publishes_no_summary(staff, usg_filer):
    services.public_disclosure_choose(
        actor=staff, filer_id=usg_filer.pk, choice="confirmation", summary="secret"
    )
    page = Client().get("/disclosure/public/").content.decode()
    assert "Public confirmation of compliance" in page and "secret" not in page


def test_full_disclosure_needs_a_summary(staff, usg_filer):
    with pytest.raises(ApplicationError):
        services.public_disclosure_choose(
            actor=staff, filer_id=usg_filer.pk, choice="full_disclosure", summary=""
        )


def test_below_asg_there_is_no_public_disclosure(staff, staff_filer):
    with pytest.raises(ApplicationError):
        services.public_disclosure_choose(actor=staff, filer_id=staff_filer.pk, choice="declined")


def test_a_declined_choice_is_never_published(staff, usg_filer):
    """Declining is private: the public page does not name the filer."""
    services.public_disclosure_choose(actor=staff, filer_id=usg_filer.pk, choice="declined")
    assert "Amina Okafor" not in Client().get("/disclosure/public/").content.decode()
