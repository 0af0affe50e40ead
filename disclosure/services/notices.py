"""Monthly non-compliance notices (exactly once per entity and month) and filer reminders.

Nothing here sends mail: each e-mail is an outbox row written in the transaction that records it."""

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from guardian.shortcuts import get_users_with_perms

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.gates import require_office
from ethics_office.base.mail import in_language_of, language_of
from ethics_office.base.wording import long_date
from ethics_office.organisation.models import (
    Entity,
)
from ethics_office.organisation.selectors import person_by_email
from ethics_office.outbox.models import Audience
from ethics_office.outbox.services import outbox_enqueue

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
#
# One notice per entity and month covers every open cycle in which the entity has outstanding
# filers (the notice lists them cycle by cycle; `cycle_years` records which). It goes to the
# entity's focal points, each in their own language, with the entity's head copied in the
# default language. An entity with outstanding filers and no focal point gets a notice row with no
# recipients: the office's page flags it "no focal point — not sent", and nothing is sent.
# Closed cycles are never noticed; imported history is closed (migration 0005 and the importer).


def _focal_points(entity) -> list:
    users = get_users_with_perms(
        entity, only_with_perms_in=["focal_point_for"], with_superusers=False, with_group_users=False
    )
    return sorted((u for u in users if u.email and u.is_active), key=lambda u: u.email)


def _notice_text(entity, by_cycle, today) -> tuple[str, str]:
    total = sum(len(filers) for _cycle, filers in by_cycle)
    subject = _("Financial disclosure: %(n)s outstanding filers in %(entity)s") % {
        "n": total,
        "entity": entity.code,
    }
    lines = []
    for cycle, filers in by_cycle:
        lines += [
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
        lines.append("")
    lines.append(_("Please remind them to file. This notice is sent once a month until everyone has filed."))
    return subject, "\n".join(lines)


def monthly_notices_send(*, actor=None, today: dt.date | None = None) -> list[int]:
    """Write this month's notice for each entity with outstanding filers in any open cycle, and
    queue its e-mails in the same transaction (the outbox delivers them after commit).

    The (entity, month) unique constraint decides: a second run, a retry or a racing worker finds
    the row already there and writes nothing. Returns the ids of the notices written now.
    """
    if actor is not None:
        require_office(actor)
    today = today or timezone.localdate()
    month = today.replace(day=1)
    by_entity: dict[int, list] = {}
    for cycle in FilingCycle.objects.filter(closed_on__isnull=True).order_by("-year"):
        per_entity: dict[int, list[Filer]] = {}
        for filer in outstanding_filers(cycle, today=today):
            per_entity.setdefault(filer.entity_id, []).append(filer)
        for entity_id, filers in per_entity.items():
            by_entity.setdefault(entity_id, []).append((cycle, filers))
    created_ids: list[int] = []
    for entity in Entity.objects.filter(pk__in=by_entity).order_by("code"):
        by_cycle = by_entity[entity.pk]
        focal_points = _focal_points(entity)
        head = [entity.head_email] if focal_points and entity.head_email else []
        try:
            with transaction.atomic():
                notice = ComplianceNotice.objects.create(
                    entity=entity,
                    month=month,
                    cycle=by_cycle[0][0],
                    cycle_years=[c.year for c, _f in by_cycle],
                    recipients=[u.email for u in focal_points] + head,
                    outstanding=sum(len(f) for _c, f in by_cycle),
                )
                for user in focal_points:
                    with in_language_of(user=user):
                        _queue_notice(notice, entity, by_cycle, today, user.email, language_of(user=user))
                for email in head:
                    # The head of entity reads it in their own language when they are on record.
                    head_person = person_by_email(email)
                    language = language_of(person=head_person) if head_person else settings.LANGUAGE_CODE
                    with translation.override(language):
                        _queue_notice(notice, entity, by_cycle, today, email, language)
                audit_record(
                    actor=actor,
                    action=Action.SEND,
                    obj=notice,
                    fields=["recipients", "outstanding", "cycle_years"],
                    actor_label=None if actor else "system",
                )
        except IntegrityError:
            continue  # this month's notice for the entity already exists
        created_ids.append(notice.pk)
    return created_ids


def _queue_notice(notice, entity, by_cycle, today, email, language) -> None:
    subject, body = _notice_text(entity, by_cycle, today)
    outbox_enqueue(
        key=f"disclosure.notice:{notice.pk}:{email}",
        kind="disclosure.notice",
        to=[email],
        subject=subject,
        body=body,
        language=language,
        audience=Audience.OFFICE,
        obj=notice,
    )


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
                reminder = FilerReminder.objects.create(filer=filer, kind=kind, sent_on=today)
                with in_language_of(filer.person):
                    subject = (
                        _("Financial disclosure: your statement is due on %(date)s")
                        if kind == ReminderKind.BEFORE
                        else _("Financial disclosure: your statement was due on %(date)s")
                    ) % {"date": long_date(filer.effective_deadline)}
                    outbox_enqueue(
                        key=f"disclosure.reminder:{reminder.pk}",
                        kind="disclosure.reminder",
                        to=[filer.person.email],
                        subject=subject,
                        body=_("Please complete and submit your %(year)s financial disclosure statement.")
                        % {"year": filer.cycle.year},
                        language=language_of(person=filer.person),
                        audience=Audience.RECIPIENTS,
                        obj=reminder,
                    )
        except IntegrityError:
            continue
        sent += 1
    return sent
