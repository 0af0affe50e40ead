"""Nobody handles or designates the handler of their own request; the Director's go to the alternate."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from advisory import services
from advisory.workflow import Status
from ethics_office.base.errors import OwnMatter

pytestmark = pytest.mark.django_db


def test_the_director_cannot_assign_their_own_request(ask, director, officer):
    """The Director may not pick who handles the Director's own question."""
    own = ask(director)
    with pytest.raises(OwnMatter, match="concerns you"):
        services.advice_request_assign(actor=director, request_id=own.pk, officer=officer)
    own.refresh_from_db()
    assert own.assigned_to is None


def test_the_alternate_assigns_and_reassigns_the_directors_request(
    ask, director, officer, officer2, settings
):
    """officer2, the designated alternate, acts as the Director would — for the Director's matters."""
    settings.DIRECTOR_ALTERNATE = "officer2"
    own = ask(director)
    services.advice_request_assign(actor=officer2, request_id=own.pk, officer=officer)
    services.advice_request_assign(actor=officer2, request_id=own.pk, officer=officer2)
    own.refresh_from_db()
    assert own.assigned_to == officer2


def test_the_alternate_has_no_director_powers_on_others_requests(ask, staff, officer, officer2, settings):
    settings.DIRECTOR_ALTERNATE = "officer2"
    req = ask(staff)
    services.advice_request_assign(actor=officer, request_id=req.pk, officer=officer)
    with pytest.raises(Http404):  # not even visible to them
        services.advice_request_assign(actor=officer2, request_id=req.pk, officer=officer2)


def test_the_director_cannot_handle_their_own_request(ask, director):
    """Closing or advising one's own request is refused; withdrawing it stays open to the requester."""
    own = ask(director)
    with pytest.raises(PermissionDenied):
        services.advice_request_conclude(actor=director, request_id=own.pk, outcome="advised", advice="Yes.")
    services.advice_request_transition(actor=director, request_id=own.pk, to=Status.WITHDRAWN)
    own.refresh_from_db()
    assert own.status == Status.WITHDRAWN
