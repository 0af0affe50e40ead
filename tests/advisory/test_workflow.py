"""Every transition in the table is allowed, every other one refused, and each is audited."""

import pytest
from django.core.exceptions import PermissionDenied

from advisory import services
from advisory.models import AdviceRequest, Status
from advisory.workflow import ALLOWED
from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.errors import TransitionNotAllowed

from .conftest import force_status

PAIRS = [(a, b) for a in Status.values for b in Status.values]
ALLOWED_PAIRS = [(a, b) for a, b in PAIRS if b in ALLOWED[a] and b != Status.ASSIGNED]
REFUSED_PAIRS = [(a, b) for a, b in PAIRS if b not in ALLOWED[a]]


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "to"), ALLOWED_PAIRS)
def test_the_assigned_officer_makes_every_allowed_transition(start, to, assigned, people):
    """The assigned officer moves a request along every edge of the table; the change is audited."""
    force_status(assigned, start)
    services.advice_request_transition(actor=people["officer"], request_id=assigned.pk, to=to)
    assigned.refresh_from_db()
    assert assigned.status == to
    event = AuditEvent.objects.filter(
        action=Action.TRANSITION, object_type="advisory.advicerequest", object_id=str(assigned.pk)
    ).first()
    assert event.changes == {"status": [start, to]}


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "to"), REFUSED_PAIRS)
def test_every_transition_outside_the_table_is_refused(start, to, assigned, people):
    """A transition the table does not list is refused and the status stays."""
    force_status(assigned, start)
    with pytest.raises(TransitionNotAllowed):
        services.advice_request_transition(actor=people["officer"], request_id=assigned.pk, to=to)
    assigned.refresh_from_db()
    assert assigned.status == start


@pytest.mark.django_db
def test_assignment_is_the_only_way_to_assigned(ask, people):
    """Moving a received request to "assigned" happens through assignment, which grants the permission."""
    req = ask()
    with pytest.raises(TransitionNotAllowed):
        services.advice_request_transition(actor=people["director"], request_id=req.pk, to=Status.ASSIGNED)
    services.advice_request_assign(actor=people["officer"], request_id=req.pk, officer=people["officer"])
    req.refresh_from_db()
    assert req.status == Status.ASSIGNED
    assert req.assigned_to == people["officer"]
    assert people["officer"].has_perm("advisory.handle_advicerequest", req)
    assert req.acknowledged_at is not None


@pytest.mark.django_db
def test_a_request_needs_an_officer_before_work_starts(ask, people):
    """An unassigned withdrawn request cannot be reopened straight to "in progress"."""
    req = force_status(ask(), Status.WITHDRAWN)
    with pytest.raises(TransitionNotAllowed):
        services.advice_request_transition(actor=people["director"], request_id=req.pk, to=Status.IN_PROGRESS)
    services.advice_request_transition(actor=people["director"], request_id=req.pk, to=Status.RECEIVED)
    assert AdviceRequest.objects.get(pk=req.pk).status == Status.RECEIVED


@pytest.mark.django_db
def test_the_requester_may_withdraw_but_not_advance(in_progress, people):
    """`staff` withdraws their own open request, but cannot mark it advised."""
    with pytest.raises(PermissionDenied):
        services.advice_request_transition(
            actor=people["staff"], request_id=in_progress.pk, to=Status.ADVISED
        )
    services.advice_request_transition(actor=people["staff"], request_id=in_progress.pk, to=Status.WITHDRAWN)
    assert AdviceRequest.objects.get(pk=in_progress.pk).status == Status.WITHDRAWN


@pytest.mark.django_db
def test_another_officer_cannot_move_a_request_they_do_not_hold(in_progress, people):
    """`officer2` does not even see `officer`'s request: 404."""
    from django.http import Http404

    with pytest.raises(Http404):
        services.advice_request_transition(
            actor=people["officer2"], request_id=in_progress.pk, to=Status.ADVISED
        )


@pytest.mark.django_db
def test_an_officer_cannot_act_on_an_unassigned_request_beyond_triage(ask, people):
    """In triage an officer sees the request but must assign it before working on it."""
    req = ask()
    with pytest.raises(PermissionDenied):
        services.advice_request_transition(actor=people["officer"], request_id=req.pk, to=Status.WITHDRAWN)
    with pytest.raises(PermissionDenied):
        services.internal_note_add(actor=people["officer"], request_id=req.pk, body="x")
