"""Retention: the schedules, legal holds, and the run that purges what is past its period."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.roles import Role, has_role

from .models import CountedFrom, LegalHold, RecordType, RetentionSchedule, Tombstone
from .purge import PURGERS

# The defaults and the reasons for them are in docs/retention.md.
DEFAULTS = {
    RecordType.ADVICE_REQUEST: (7, CountedFrom.CLOSURE),
    RecordType.DISCLOSURE_FILING: (7, CountedFrom.CYCLE_END),
    RecordType.RETALIATION_CASE: (10, CountedFrom.CLOSURE),
    RecordType.TRAINING_ATTENDANCE: (5, CountedFrom.SESSION),
    RecordType.OUTBOX_MESSAGE: (1, CountedFrom.LAST_ACTIVITY),
}
BATCH = 500


def retention_schedules() -> dict[str, RetentionSchedule]:
    """Every record type's schedule; the documented default where none has been saved."""
    saved = {s.record_type: s for s in RetentionSchedule.objects.all()}
    return {
        rt: saved.get(rt) or RetentionSchedule(record_type=rt, years=years, counted_from=frm)
        for rt, (years, frm) in DEFAULTS.items()
    }


def _require_admin(actor) -> None:
    if not (actor and (actor.is_superuser or has_role(actor, Role.ADMIN))):
        raise ApplicationError(_("Only an administrator changes retention."))


@transaction.atomic
def retention_schedule_update(*, actor, record_type: str, years: int) -> RetentionSchedule:
    _require_admin(actor)
    if record_type not in RecordType.values:
        raise ApplicationError(
            _("%(value)s is not a record type; choose one of %(valid)s.")
            % {"value": record_type, "valid": ", ".join(RecordType.values)},
            field="record_type",
        )
    if not isinstance(years, int) or not 1 <= years <= 100:
        raise ApplicationError(
            _("%(value)s is not a number of years between 1 and 100.") % {"value": years}, field="years"
        )
    default_years, counted_from = DEFAULTS[record_type]
    schedule, _created = RetentionSchedule.objects.select_for_update().get_or_create(
        record_type=record_type, defaults={"years": default_years, "counted_from": counted_from}
    )
    old = schedule.years
    schedule.years = years
    schedule.save(update_fields=["years", "updated_at"])
    audit_record(
        actor=actor, action=Action.UPDATE, obj=schedule, fields=["years"], changes={"years": (old, years)}
    )
    return schedule


@transaction.atomic
def legal_hold_place(*, actor, record_type: str, object_id: int, reason: str) -> LegalHold:
    if not has_role(actor, Role.DIRECTOR):
        _require_admin(actor)
    if record_type not in RecordType.values:
        raise ApplicationError(
            _("%(value)s is not a record type.") % {"value": record_type}, field="record_type"
        )
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Give the reason for the hold."), field="reason")
    hold = LegalHold.objects.create(
        record_type=record_type, object_id=object_id, reason=reason[:2000], placed_by=actor
    )
    audit_record(actor=actor, action=Action.CREATE, obj=hold, fields=["record_type", "object_id", "reason"])
    return hold


@transaction.atomic
def legal_hold_lift(*, actor, hold_id: int, reason: str) -> LegalHold:
    if not has_role(actor, Role.DIRECTOR):
        _require_admin(actor)
    hold = LegalHold.objects.select_for_update().get(pk=hold_id)
    if hold.lifted_at:
        raise ApplicationError(_("This hold has already been lifted."))
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Give the reason for lifting the hold."), field="lift_reason")
    hold.lifted_at, hold.lifted_by, hold.lift_reason = timezone.now(), actor, reason[:2000]
    hold.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=hold,
        fields=["lifted_at", "lift_reason"],
        changes={"lifted": (False, True)},
    )
    return hold


def _cutoff(as_of: dt.date, years: int) -> dt.date:
    try:
        return as_of.replace(year=as_of.year - years)
    except ValueError:  # 29 February
        return as_of.replace(year=as_of.year - years, day=28)


@dataclass
class RunLine:
    record_type: str
    years: int
    counted_from: str
    cutoff: dt.date
    due: int
    held: int


def _candidates(record_type: str, cutoff: dt.date) -> tuple[list[int], int]:
    purger = PURGERS[record_type]
    qs = purger.due(cutoff)
    if purger.tombstone:
        qs = qs.exclude(pk__in=Tombstone.objects.filter(record_type=record_type).values("object_id"))
    pks = sorted(set(qs.values_list("pk", flat=True)))
    held = set(
        LegalHold.objects.filter(
            record_type=record_type, lifted_at__isnull=True, object_id__in=pks
        ).values_list("object_id", flat=True)
    )
    return [pk for pk in pks if pk not in held], len(held)


def retention_run(*, actor=None, as_of: dt.date | None = None, apply: bool = False) -> list[RunLine]:
    """List (dry run) or purge (apply) every record past its retention period on `as_of`.

    Records under an active legal hold are left. Each record type purged leaves one audit event
    with the count; the audit trail itself is never purged."""
    as_of = as_of or timezone.localdate()
    lines = []
    for record_type, schedule in retention_schedules().items():
        cutoff = _cutoff(as_of, schedule.years)
        pks, held = _candidates(record_type, cutoff)
        lines.append(RunLine(record_type, schedule.years, schedule.counted_from, cutoff, len(pks), held))
        if apply and pks:
            _purge(actor, record_type, pks, as_of)
    return lines


@transaction.atomic
def _purge(actor, record_type: str, pks: list[int], as_of: dt.date) -> None:
    purger = PURGERS[record_type]
    for start in range(0, len(pks), BATCH):
        chunk = pks[start : start + BATCH]
        if purger.tombstone:
            refs = purger.reference(purger.due(dt.date.max).filter(pk__in=chunk)) if purger.reference else {}
            Tombstone.objects.bulk_create(
                [
                    Tombstone(record_type=record_type, object_id=pk, reference=refs.get(pk) or "")
                    for pk in chunk
                ]
            )
        purger.purge(chunk)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        object_type=f"retention.{record_type}",
        object_id=as_of.isoformat(),
        fields=["purged"],
        changes={"purged": (None, len(pks))},
        actor_label=None if actor else "retention",
    )
