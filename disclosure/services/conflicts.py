"""The conflicts register: each item's history is an append-only timeline of events."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.gates import require_office
from ethics_office.base.roles import is_office
from ethics_office.organisation.duties import own_matter_refuse

from ..models import ConflictEvent, ConflictEventKind, ConflictItem, FollowUp, Resolution
from ..permissions import access_conflict_item

_UNSET = object()


def conflict_event_record(*, actor, item: ConflictItem, kind: str, note: str = "") -> ConflictEvent:
    """Append one entry to the item's timeline, carrying the item's state after it."""
    return ConflictEvent.objects.create(
        item=item,
        at=timezone.now(),
        actor=actor,
        kind=kind,
        note=note,
        resolution=item.resolution,
        follow_up=item.follow_up,
        follow_up_due=item.follow_up_due,
        owner_id=item.owner_id,
    )


@transaction.atomic
def conflict_item_update(
    *,
    actor,
    item_id: int,
    note: str = "",
    resolution: str | None = None,
    follow_up: str | None = None,
    follow_up_due: dt.date | None | object = _UNSET,
    owner=_UNSET,
) -> ConflictItem:
    """The office adds a note to an item, or changes its resolution, follow-up, due date or owner.

    Nothing is overwritten: each call appends one event to the item's timeline. A call
    that neither notes nor changes anything is refused.
    """
    require_office(actor)
    item = access_conflict_item(actor, item_id, for_write=True)
    own_matter_refuse(actor, people=[item.filer.person], what=_("Working on this conflict item"))
    note = (note or "").strip()
    if resolution and resolution not in Resolution.values:
        raise ApplicationError(
            _("%(value)s is not a resolution; choose one of: %(valid)s.")
            % {"value": resolution, "valid": ", ".join(Resolution.values)},
            field="resolution",
        )
    if follow_up and follow_up not in FollowUp.values:
        raise ApplicationError(
            _("%(value)s is not a follow-up status; choose one of: %(valid)s.")
            % {"value": follow_up, "valid": ", ".join(FollowUp.values)},
            field="follow_up",
        )
    if owner is not _UNSET and owner is not None and not is_office(owner):
        raise ApplicationError(
            _("%(user)s is not in the Ethics Office.") % {"user": owner.get_username()}, field="owner"
        )
    changes = {}
    if resolution and resolution != item.resolution:
        changes["resolution"] = (item.resolution or None, resolution)
        item.resolution = resolution
    if follow_up and follow_up != item.follow_up:
        changes["follow_up"] = (item.follow_up or None, follow_up)
        item.follow_up = follow_up
    if follow_up_due is not _UNSET and follow_up_due != item.follow_up_due:
        changes["follow_up_due"] = (
            item.follow_up_due.isoformat() if item.follow_up_due else None,
            follow_up_due.isoformat() if follow_up_due else None,
        )
        item.follow_up_due = follow_up_due
    if owner is not _UNSET and (owner.pk if owner else None) != item.owner_id:
        changes["owner"] = (item.owner_id, owner.pk if owner else None)
        item.owner = owner
    if not changes and not note:
        raise ApplicationError(_("Write a note or change something before saving."), field="note")
    if note:
        item.follow_up_note = note
    if "resolution" in changes:
        kind = ConflictEventKind.RESOLUTION
    elif "follow_up" in changes or "follow_up_due" in changes:
        kind = ConflictEventKind.FOLLOW_UP
    elif "owner" in changes:
        kind = ConflictEventKind.OWNER
    else:
        kind = ConflictEventKind.NOTE
    item.save(
        update_fields=["resolution", "follow_up", "follow_up_due", "owner", "follow_up_note", "updated_at"]
    )
    conflict_event_record(actor=actor, item=item, kind=kind, note=note)
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=item,
        fields=[*changes, *(["note"] if note else [])],
        changes=changes,
    )
    return item


def conflict_item_read(*, actor, item_id: int) -> ConflictItem:
    """The office opens an item and its history: recorded, like every look at a filer's matters."""
    require_office(actor)
    item = access_conflict_item(actor, item_id)
    audit_record(actor=actor, action=Action.VIEW, obj=item, fields=["item"])
    return item
