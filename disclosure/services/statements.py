"""Statements: draft, submit with certification, amend as a new version, read (audited), rotate keys."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed
from ethics_office.base.workflow import transition_check

from ..models import (
    ConflictItem,
    Correspondence,
    Filer,
    FilerQuery,
    Statement,
    StatementStatus,
)
from ..permissions import access_filing, access_statement
from ..selectors import previous_statement
from ..workflow import ALLOWED

# The sections of a statement, in the order the form shows them.
from .common import (
    clean_contents,
    require_filer,
)

# --- statements --------------------------------------------------------------


@transaction.atomic
def statement_start(*, actor, filer_id: int) -> Statement:
    """The filer's working statement: the latest version, or a new draft pre-filled from last cycle."""
    filer = access_filing(actor, filer_id, for_write=True)
    require_filer(actor, filer)
    latest = filer.statements.order_by("-version").first()
    if latest is not None:
        return latest
    if filer.cycle.closed_on:
        raise ApplicationError(_("The %(year)s cycle is closed.") % {"year": filer.cycle.year})
    statement = Statement.objects.create(
        filer=filer, version=1, contents=clean_contents(previous_statement_read(actor=actor, filer=filer))
    )
    audit_record(actor=actor, action=Action.CREATE, obj=statement, fields=["contents"])
    return statement


def previous_statement_read(*, actor, filer) -> dict | None:
    """Last cycle's submitted statement, read to pre-fill the new one: audited like any other read."""
    previous = previous_statement(filer)
    if previous is None:
        return None
    audit_record(actor=actor, action=Action.VIEW, obj=previous, fields=["contents"])
    return previous.contents


def _editable(actor, statement_id) -> Statement:
    statement = access_statement(actor, statement_id, for_write=True)
    require_filer(actor, statement.filer)
    if statement.status != StatementStatus.DRAFT:
        raise TransitionNotAllowed(_("A submitted statement cannot be changed; file an amendment instead."))
    return statement


@transaction.atomic
def statement_save(*, actor, statement_id: int, contents: dict) -> Statement:
    statement = _editable(actor, statement_id)
    statement.contents = clean_contents(contents)
    statement.save(update_fields=["contents", "updated_at"])
    audit_record(actor=actor, action=Action.UPDATE, obj=statement, fields=["contents"])
    return statement


@transaction.atomic
def statement_submit(*, actor, statement_id: int, contents: dict, certified: bool) -> Statement:
    """Submit with the certification; the statement becomes read-only and the filer has filed."""
    statement = _editable(actor, statement_id)
    if not certified:
        raise ApplicationError(
            _("Certify that the statement is true and complete before submitting it."), field="certify"
        )
    transition_check(ALLOWED, statement.status, StatementStatus.SUBMITTED)
    now = timezone.now()
    statement.contents = clean_contents(contents)
    statement.status = StatementStatus.SUBMITTED
    statement.certified_at = statement.submitted_at = now
    statement.save(update_fields=["contents", "status", "certified_at", "submitted_at", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=statement,
        fields=["contents", "status", "certified_at"],
        changes={"status": (StatementStatus.DRAFT, StatementStatus.SUBMITTED)},
    )
    filer = Filer.objects.select_for_update().get(pk=statement.filer_id)
    if filer.filed_on is None:
        filer.filed_on = timezone.localdate()
        filer.save(update_fields=["filed_on", "updated_at"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            obj=filer,
            fields=["filed_on"],
            changes={"filed_on": (None, filer.filed_on)},
        )
    return statement


@transaction.atomic
def statement_amend(*, actor, filer_id: int) -> Statement:
    """An amendment is a new draft version carrying the submitted one's contents."""
    filer = access_filing(actor, filer_id, for_write=True)
    require_filer(actor, filer)
    latest = filer.statements.order_by("-version").first()
    if latest is None or latest.status != StatementStatus.SUBMITTED:
        raise TransitionNotAllowed(_("Only a submitted statement can be amended."))
    statement = Statement.objects.create(filer=filer, version=latest.version + 1, contents=latest.contents)
    audit_record(actor=actor, action=Action.CREATE, obj=statement, fields=["contents", "version"])
    return statement


def statement_read(*, actor, statement_id: int) -> Statement:
    """Fetch a statement for reading and record that it was read."""
    statement = access_statement(actor, statement_id)
    audit_record(actor=actor, action=Action.VIEW, obj=statement, fields=["contents"])
    return statement


def statements_reencrypt(*, actor=None, batch: int = 500) -> int:
    """Re-encrypt every confidential column of the programme under the newest key (rotation)."""
    total = 0
    for model, columns in [
        (Statement, ["contents"]),
        (ConflictItem, ["description"]),
        (Correspondence, ["summary"]),
        (FilerQuery, ["question", "answer"]),
    ]:
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch):
            with transaction.atomic():
                for obj in (
                    model.objects.filter(pk__in=ids[start : start + batch])
                    .select_for_update()
                    .only("pk", *columns)
                ):
                    # Reading decrypts with whichever key matches; writing encrypts with the newest.
                    model.objects.filter(pk=obj.pk).update(**{c: getattr(obj, c) for c in columns})
                    total += 1
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            object_type=model._meta.label_lower,
            fields=columns,
            changes={"reencrypted": (None, len(ids))},
            actor_label=None if actor else "system",
        )
    return total
