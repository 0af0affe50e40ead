"""The risk register: findings with evidence, rating and owner; remedial actions to done."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError

from ..models import ActionStatus, EntryStatus, RemedialAction, RiskEntry
from ..permissions import access_action, access_assessment, access_register_entry, require_office


def _rating(value, field):
    try:
        value = int(value)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= 5:
        raise ApplicationError(
            _("%(field)s must be 1 to 5, not %(value)s.") % {"field": field, "value": value}, field=field
        )
    return value


@transaction.atomic
def register_entry_add(
    *, actor, assessment_id: int, risk, owner, evidence: str, likelihood, severity
) -> RiskEntry:
    require_office(actor)
    assessment = access_assessment(actor, assessment_id)
    if not evidence.strip():
        raise ApplicationError(_("Say what evidence supports the finding."), field="evidence")
    entry = RiskEntry.objects.create(
        assessment=assessment,
        risk=risk,
        owner=owner,
        evidence=evidence.strip(),
        likelihood=_rating(likelihood, "likelihood"),
        severity=_rating(severity, "severity"),
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=entry,
        fields=["risk", "owner", "evidence", "likelihood", "severity"],
    )
    return entry


@transaction.atomic
def register_entry_update(*, actor, entry_id: int, status: str, remeasure_in=None) -> RiskEntry:
    entry = access_register_entry(actor, entry_id, for_write=True)
    if status not in EntryStatus.values:
        raise ApplicationError(
            _("Status %(value)s is not one of %(valid)s.")
            % {"value": status, "valid": ", ".join(EntryStatus.values)},
            field="status",
        )
    old = entry.status
    entry.status, entry.remeasure_in = status, remeasure_in
    entry.save(update_fields=["status", "remeasure_in", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=entry,
        fields=["status", "remeasure_in"],
        changes={"status": (old, status)},
    )
    return entry


@transaction.atomic
def remedial_action_add(*, actor, entry_id: int, description: str, due_on: dt.date) -> RemedialAction:
    entry = access_register_entry(actor, entry_id, for_write=True)
    if not description.strip():
        raise ApplicationError(_("Describe the action."), field="description")
    action = RemedialAction.objects.create(entry=entry, description=description.strip(), due_on=due_on)
    audit_record(actor=actor, action=Action.CREATE, obj=action, fields=["description", "due_on"])
    return action


@transaction.atomic
def remedial_action_update(
    *, actor, action_id: int, status: str, on: dt.date | None = None
) -> RemedialAction:
    action = access_action(actor, action_id, for_write=True)
    if status not in ActionStatus.values:
        raise ApplicationError(
            _("Status %(value)s is not one of %(valid)s.")
            % {"value": status, "valid": ", ".join(ActionStatus.values)},
            field="status",
        )
    old = action.status
    action.status = status
    action.done_on = (on or timezone.localdate()) if status == ActionStatus.DONE else None
    action.save(update_fields=["status", "done_on", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=action,
        fields=["status", "done_on"],
        changes={"status": (old, status)},
    )
    return action
