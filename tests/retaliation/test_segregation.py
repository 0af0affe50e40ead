"""Nobody sees or acts for the office on a case about themselves; the Director's go to the alternate."""

import pytest
from django.http import Http404

from ethics_office.base.errors import ApplicationError
from retaliation import services
from retaliation.permissions import access_retaliation_inquiry

from .helpers import inquiry_make

pytestmark = pytest.mark.django_db


def test_the_directors_own_complaint_is_hidden_from_the_director_and_handled_by_the_alternate(
    people, director, officer, officer2, settings
):
    settings.DIRECTOR_ALTERNATE = "officer2"
    case = inquiry_make(people, requester="director", assign=None)
    with pytest.raises(Http404):
        access_retaliation_inquiry(director, case.pk)
    services.inquiry_assign(actor=officer2, inquiry_id=case.pk, officer=officer)
    assert access_retaliation_inquiry(officer, case.pk) == case


def test_the_alternate_cannot_assign_other_cases(people, officer, officer2, settings):
    settings.DIRECTOR_ALTERNATE = "officer2"
    case = inquiry_make(people, requester="staff", assign="officer2")
    with pytest.raises(ApplicationError, match="Only the Director"):
        services.inquiry_assign(actor=officer2, inquiry_id=case.pk, officer=officer)


def test_an_officer_named_as_responsible_loses_the_case_and_cannot_be_assigned_it(
    people, director, officer, officer2
):
    case = inquiry_make(people, requester="staff", assign="officer")
    services.inquiry_named_people_set(actor=director, inquiry_id=case.pk, people=[people["officer"].person])
    with pytest.raises(Http404):
        access_retaliation_inquiry(officer, case.pk)
    with pytest.raises(ApplicationError, match="concerns them"):
        services.inquiry_assign(actor=director, inquiry_id=case.pk, officer=officer)
    services.inquiry_assign(actor=director, inquiry_id=case.pk, officer=officer2)
    assert access_retaliation_inquiry(officer2, case.pk) == case
