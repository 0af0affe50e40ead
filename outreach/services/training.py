"""Training sessions, staff requests for them, and trainer certification."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.gates import require_office
from ethics_office.base.workflow import transition_check
from ethics_office.intake.models import Channel
from ethics_office.intake.services import reference_next, service_request_register
from ethics_office.organisation.models import DutyStation, Entity, Person
from ethics_office.organisation.selectors import person_of

from ..models import (
    TrainerCertification,
    TrainingKind,
    TrainingRequest,
    TrainingRequestStatus,
    TrainingSession,
)
from ..permissions import (
    access_training_request,
    access_training_session,
    may_request_training,
)
from ..workflow import ALLOWED
from .common import require_not_future

# --- training sessions ---------------------------------------------------------------------


@transaction.atomic
def training_session_record(
    *,
    actor,
    date: dt.date,
    kind: str,
    title: str = "",
    duty_station: DutyStation | None = None,
    entity: Entity | None = None,
    facilitator: Person | None = None,
    attendees: list[Person] | None = None,
    participants: int | None = None,
    request: TrainingRequest | None = None,
    ref: str | None = None,
) -> TrainingSession:
    """Record a session held, with its attendance list or, failing one, a headcount.

    With a list, the headcount is the list's length (the report counts `participants`)."""
    require_office(actor)
    if kind not in TrainingKind.values:
        raise ApplicationError(_("Choose a kind of session."), field="kind")
    require_not_future(date, "date")
    attendees = list(dict.fromkeys(attendees or []))
    if not attendees and participants is None:
        raise ApplicationError(
            _("Give the attendance list or the number of participants."), field="attendance"
        )
    session = TrainingSession.objects.create(
        ref=ref or reference_next(prefix="TS", year=date.year),
        date=date,
        kind=kind,
        title=title or "",
        duty_station=duty_station,
        entity=entity,
        facilitator=facilitator,
        participants=len(attendees) if attendees else participants,
        request=request,
    )
    if attendees:
        session.attendees.set(attendees)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=session,
        fields=[
            "ref",
            "date",
            "kind",
            "title",
            "duty_station",
            "entity",
            "facilitator",
            "attendees",
            "participants",
        ],
        changes={"participants": (None, session.participants)},
    )
    if request is not None and request.status == TrainingRequestStatus.REQUESTED:
        training_request_transition(actor=actor, request_id=request.pk, to=TrainingRequestStatus.SCHEDULED)
    return session


@transaction.atomic
def training_session_attendance_set(*, actor, session_id: int, attendees: list[Person]) -> TrainingSession:
    """Replace the attendance list; the headcount follows it."""
    session = access_training_session(actor, session_id, for_write=True)
    attendees = list(dict.fromkeys(attendees))
    if not attendees:
        raise ApplicationError(_("The attendance list is empty."), field="attendance")
    old = session.participants
    session.attendees.set(attendees)
    session.participants = len(attendees)
    session.save(update_fields=["participants", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=session,
        fields=["attendees", "participants"],
        changes={"participants": (old, session.participants)},
    )
    return session


# --- training requests from staff ---------------------------------------------------------


@transaction.atomic
def training_request_submit(
    *, actor, team: str, team_size: int, preferred_date: dt.date | None = None, message: str = ""
) -> TrainingRequest:
    """A staff member asks for a session for their team: a `training` service request in the
    register, plus the request's own record."""
    if not may_request_training(actor):
        raise ApplicationError(_("Only staff members with a staff record can ask for a session."))
    person = person_of(actor)
    if team_size < 1:
        raise ApplicationError(_("The team must have at least one member."), field="team_size")
    if preferred_date is not None and preferred_date < timezone.localdate():
        raise ApplicationError(_("The preferred date cannot be in the past."), field="preferred_date")
    service_request = service_request_register(
        actor=actor, category="training", requester=person, channel=Channel.WEB
    )
    request = TrainingRequest.objects.create(
        service_request=service_request,
        requested_by=actor,
        team=team.strip(),
        team_size=team_size,
        preferred_date=preferred_date,
        message=message or "",
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=request,
        fields=["service_request", "team", "team_size", "preferred_date", "message"],
    )
    return request


@transaction.atomic
def training_request_transition(*, actor, request_id: int, to: str) -> TrainingRequest:
    request = access_training_request(actor, request_id, for_write=True)
    transition_check(ALLOWED, request.status, to, field="status")
    old, request.status = request.status, to
    request.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor, action=Action.TRANSITION, obj=request, fields=["status"], changes={"status": (old, to)}
    )
    return request


# --- trainer certification -----------------------------------------------------------------------------


@transaction.atomic
def trainer_certify(
    *, actor, trainer: Person, certified_by: Person, certified_on: dt.date, note: str = ""
) -> TrainerCertification:
    require_office(actor)
    if trainer.pk == certified_by.pk:
        raise ApplicationError(_("A trainer cannot certify themself."), field="certified_by")
    require_not_future(certified_on, "certified_on")
    certification = TrainerCertification.objects.create(
        trainer=trainer, certified_by=certified_by, certified_on=certified_on, note=note or ""
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=certification,
        fields=["trainer", "certified_by", "certified_on", "note"],
    )
    return certification
