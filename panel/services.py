"""Every write to the Panel's records: keyword-only, atomic, audited."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.core.errors import ApplicationError, TransitionNotAllowed
from ethics_office.intake.services import reference_next
from ethics_office.organisation.roles import Role, has_role

from .models import (
    Consultation,
    ConsultationKind,
    ConsultationOutcome,
    ConsultationStatus,
    MemberOffice,
)
from .permissions import access_consultation
from .workflow import CONSULTATION_ALLOWED

User = get_user_model()


@transaction.atomic
def consultation_open(
    *,
    actor,
    kind: str,
    title: str,
    source_app: str = "",
    source_ref: str = "",
    summary: str = "",
    member_office: MemberOffice | None = None,
    received: dt.date | None = None,
) -> Consultation:
    """Put a matter to the Panel. Other apps call this too (the retaliation app, when a
    complainant asks the Panel chair to review a determination), so the actor may be a staff
    member; the consultation is visible to the office and, once shared, to panel members."""
    if kind not in ConsultationKind.values:
        raise ApplicationError(_("Unknown kind of consultation."), field="kind")
    title = (title or "").strip()
    if not title:
        raise ApplicationError(_("A consultation needs a title."), field="title")
    received = received or timezone.localdate()
    if received > timezone.localdate():
        raise ApplicationError(_("The received date cannot be in the future."), field="received")
    consultation = Consultation.objects.create(
        ref=reference_next(prefix="EPC", year=received.year),
        kind=kind,
        title=title[:200],
        summary=summary or "",
        received=received,
        member_office=member_office,
        source_app=source_app[:40],
        source_ref=source_ref[:60],
        opened_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=consultation,
        fields=["ref", "kind", "title", "summary", "received", "member_office", "source_app", "source_ref"],
        changes={"kind": (None, kind), "source_app": (None, source_app or None)},
    )
    return consultation


@transaction.atomic
def consultation_share(*, actor, consultation_id: int, users) -> Consultation:
    """Share the consultation's case material with panel members (replaces the list)."""
    consultation = access_consultation(actor, consultation_id, for_write=True)
    users = list(users)
    outsiders = [u for u in users if not has_role(u, Role.PANEL)]
    if outsiders:
        raise ApplicationError(
            _("Case material can be shared only with members of the Panel."), field="shared_with"
        )
    old = sorted(consultation.shared_with.values_list("username", flat=True))
    consultation.shared_with.set(users)
    new = sorted(u.get_username() for u in users)
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=consultation,
        fields=["shared_with"],
        changes={"shared_with": (", ".join(old) or None, ", ".join(new) or None)},
    )
    return consultation


@transaction.atomic
def consultation_transition(
    *, actor, consultation_id: int, to: str, outcome: str = "", outcome_note: str = ""
) -> Consultation:
    """Close a consultation with its outcome, or reopen it."""
    consultation = access_consultation(actor, consultation_id, for_write=True)
    if to not in CONSULTATION_ALLOWED.get(consultation.status, set()):
        raise TransitionNotAllowed(
            _("A consultation that is %(s)s cannot become %(t)s.")
            % {"s": consultation.get_status_display(), "t": ConsultationStatus(to).label}
        )
    old = consultation.status
    if to == ConsultationStatus.CLOSED:
        if outcome not in ConsultationOutcome.values or not outcome:
            raise ApplicationError(_("Record the outcome to close the consultation."), field="outcome")
        consultation.outcome = outcome
        consultation.outcome_note = outcome_note or ""
        consultation.closed_on = timezone.localdate()
    else:
        consultation.outcome = ""
        consultation.closed_on = None
    consultation.status = to
    consultation.save(update_fields=["status", "outcome", "outcome_note", "closed_on", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=consultation,
        fields=["status", "outcome", "outcome_note", "closed_on"],
        changes={"status": (old, to), "outcome": (None, consultation.outcome or None)},
    )
    return consultation
