"""Monthly non-compliance notices (exactly once per entity and month) and filer reminders."""

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import get_users_with_perms

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.gates import require_office
from ethics_office.base.mail import in_language_of
from ethics_office.organisation.models import (
    Entity,
)

from ..models import (
    ComplianceNotice,
    Filer,
    FilerReminder,
    FilingCycle,
    ReminderKind,
)
from ..selectors import outstanding_filers, unfiled_in_open_cycles

# The sections of a statement, in the order the form shows them.
from .common import (
    REMINDER_DAYS_BEFORE,
)

# --- notices and reminders ---------------------------------------------------------


def _focal_point_emails(entity) -> list[str]:
    users = get_users_with_perms(
        entity, only_with_perms_in=["focal_point_for"], with_superusers=False, with_group_users=False
    )
    return sorted({u.email for u in users if u.email})


def _notice_body(entity, cycle, filers, today) -> str:
    lines = [
        _("Financial disclosure programme, %(year)s cycle: filers in %(entity)s who have not filed.")
        % {"year": cycle.year, "entity": entity.name},
        "",
    ]
    for filer in filers:
        lines.append(
            _("- %(name)s (%(index)s), %(days)s days overdue")
            % {
                "name": filer.person.name,
                "index": filer.person.index_number,
                "days": (today - filer.effective_deadline).days,
            }
        )
    lines += ["", _("Please remind them to file. This notice is sent once a month until everyone has filed.")]
    return "\n".join(lines)


def _deliver_notice(notice_id: int) -> None:
    """Send one committed notice. The row lock stops two deliveries of the same notice."""
    with transaction.atomic():
        notice = (
            ComplianceNotice.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=notice_id, sent_at__isnull=True)
            .select_related("entity", "cycle")
            .first()
        )
        if notice is None:
            return
        today = timezone.localdate()
        filers = list(outstanding_filers(notice.cycle, today=today).filter(entity=notice.entity))
        if notice.recipients and filers:
            EmailMessage(
                _("Financial disclosure: %(n)s outstanding filers in %(entity)s")
                % {"n": len(filers), "entity": notice.entity.code},
                _notice_body(notice.entity, notice.cycle, filers, today),
                settings.DEFAULT_FROM_EMAIL,
                notice.recipients,
            ).send()
        notice.sent_at = timezone.now()
        notice.save(update_fields=["sent_at"])


def monthly_notices_send(*, actor=None, today: dt.date | None = None) -> list[int]:
    """Write this month's notice for each entity with outstanding filers, then send it after commit.

    The (entity, month) unique constraint decides: a second run, a retry or a racing worker
    finds the row already there and sends nothing.
    """
    if actor is not None:
        require_office(actor)
    today = today or timezone.localdate()
    month = today.replace(day=1)
    created_ids: list[int] = []
    for cycle in FilingCycle.objects.filter(closed_on__isnull=True):
        by_entity: dict[int, list[Filer]] = {}
        for filer in outstanding_filers(cycle, today=today):
            by_entity.setdefault(filer.entity_id, []).append(filer)
        for entity in Entity.objects.filter(pk__in=by_entity):
            recipients = _focal_point_emails(entity) + ([entity.head_email] if entity.head_email else [])
            try:
                with transaction.atomic():
                    notice = ComplianceNotice.objects.create(
                        entity=entity,
                        month=month,
                        cycle=cycle,
                        recipients=recipients,
                        outstanding=len(by_entity[entity.pk]),
                    )
                    audit_record(
                        actor=actor,
                        action=Action.SEND,
                        obj=notice,
                        fields=["recipients", "outstanding"],
                        actor_label=None if actor else "system",
                    )
                    transaction.on_commit(lambda pk=notice.pk: _deliver_notice(pk))
            except IntegrityError:
                continue  # this month's notice for the entity already exists
            created_ids.append(notice.pk)
    # A notice whose delivery failed earlier (row committed, mail not sent) goes out now.
    for pk in (
        ComplianceNotice.objects.filter(month=month, sent_at__isnull=True)
        .exclude(pk__in=created_ids)
        .values_list("pk", flat=True)
    ):
        _deliver_notice(pk)
    return created_ids


def filer_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind each outstanding filer once in the fortnight before their deadline and once after it."""
    today = today or timezone.localdate()
    sent = 0
    for filer in unfiled_in_open_cycles():
        if not filer.person.email:
            continue
        days_left = (filer.effective_deadline - today).days
        if 0 <= days_left <= REMINDER_DAYS_BEFORE:
            kind = ReminderKind.BEFORE
        elif days_left < 0:
            kind = ReminderKind.AFTER
        else:
            continue
        try:
            with transaction.atomic():
                FilerReminder.objects.create(filer=filer, kind=kind, sent_on=today)
                with in_language_of(filer.person):
                    subject = (
                        _("Financial disclosure: your statement is due on %(date)s")
                        if kind == ReminderKind.BEFORE
                        else _("Financial disclosure: your statement was due on %(date)s")
                    ) % {"date": filer.effective_deadline.isoformat()}
                    message = EmailMessage(
                        subject,
                        _("Please complete and submit your %(year)s financial disclosure statement.")
                        % {"year": filer.cycle.year},
                        settings.DEFAULT_FROM_EMAIL,
                        [filer.person.email],
                    )
                transaction.on_commit(message.send)
        except IntegrityError:
            continue
        sent += 1
    return sent
