import datetime as dt

import pytest

from ethics_office.organisation.services import object_permission_grant

from .factories import CycleFactory, FilerFactory


@pytest.fixture
def cycle(db):
    """This year's cycle, deadline 30 April."""
    return CycleFactory()


@pytest.fixture
def filer_of(people, cycle):
    """filer_of("staff") -> that demo user's Filer in this year's cycle."""

    def make(username, **kwargs):
        person = people[username].person
        return FilerFactory(cycle=cycle, person=person, grade=person.grade or "P-3", **kwargs)

    return make


@pytest.fixture
def staff_filer(filer_of):
    return filer_of("staff")


@pytest.fixture
def staff2_filer(filer_of):
    return filer_of("staff2")


@pytest.fixture
def assign(officer):
    def _assign(reviewer, filer):
        object_permission_grant(actor=officer, user=reviewer, perm="disclosure.review_filer", obj=filer)

    return _assign


@pytest.fixture
def contents():
    return {
        "assets": ["Shares in Acme Corp, 120 units", "Flat in Geneva"],
        "liabilities": ["Mortgage, Banque Cantonale"],
        "income": ["Board seat, Friends of the Library (unpaid)"],
        "relatives": ["Brother, UNICEF, P-3"],
        "gifts": [],
    }


@pytest.fixture
def past():
    return dt.date(2000, 1, 1)
