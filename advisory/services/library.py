"""Precedents and the Roadmap."""

import importlib
import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.gates import require_office
from ethics_office.base.roles import Role, has_role

from ..models import (
    AdviceCategory,
    Precedent,
    RoadmapEntry,
    Status,
)
from ..permissions import access_advice_request
from .cases import category_by_code


@transaction.atomic
def precedent_publish(*, actor, category: str, title: str, summary: str, source_id=None) -> Precedent:
    """An officer publishes an anonymised summary of advice given, for colleagues."""
    require_office(actor)
    source = None
    if source_id is not None:
        source = access_advice_request(actor, source_id)
        if source.status not in (Status.ADVISED, Status.CLOSED):
            raise ApplicationError(_("Only answered advice becomes a precedent."))
    cat = category_by_code(category)
    if cat is None:
        raise ApplicationError(_("Choose a category."), field="category")
    if not title.strip() or not summary.strip():
        raise ApplicationError(_("Give the precedent a title and a summary."), field="summary")
    if source is not None:
        _refuse_identifying(source, f"{title}\n{summary}")
    precedent = Precedent.objects.create(
        category=cat, title=title.strip(), summary=summary.strip(), source=source, published_by=actor
    )
    audit_record(actor=actor, action=Action.CREATE, obj=precedent, fields=["category", "title", "summary"])
    return precedent


def _refuse_identifying(source, text: str) -> None:
    """A precedent must not name the requester: refuse their name or index number in it."""
    requester = source.service_request.requester
    if requester is None:
        return
    words = [requester.index_number, requester.name, *[p for p in requester.name.split() if len(p) > 2]]
    if any(w and re.search(rf"\b{re.escape(w)}\b", text, flags=re.IGNORECASE) for w in words):
        raise ApplicationError(
            _("The summary names the requester (name or index number); anonymise it before publishing."),
            field="summary",
        )


ROADMAP_FIELDS = ("name", "name_zh", "handles", "handles_zh", "contact", "contact_zh", "ordering")


@transaction.atomic
def roadmap_entry_save(*, actor, entry: RoadmapEntry | None = None, data: dict) -> RoadmapEntry:
    """Administrators keep the Roadmap, in both languages."""
    if not has_role(actor, Role.ADMIN):
        raise PermissionDenied
    created = entry is None
    entry = entry or RoadmapEntry()
    changed = [f for f in ROADMAP_FIELDS if f in data and getattr(entry, f) != data[f]]
    for name in changed:
        setattr(entry, name, data[name])
    entry.save()
    audit_record(actor=actor, action=Action.CREATE if created else Action.UPDATE, obj=entry, fields=changed)
    return entry


def roadmap_defaults_load() -> int:
    """Load the Roadmap's starting entries (migration 0004) where the table is empty, e.g. after a flush."""
    if RoadmapEntry.objects.exists():
        return 0
    offices = importlib.import_module("advisory.migrations.0004_roadmap").OFFICES
    for order, name, name_zh, handles, handles_zh, contact, contact_zh in offices:
        RoadmapEntry.objects.create(
            ordering=order,
            name=name,
            name_zh=name_zh,
            handles=handles,
            handles_zh=handles_zh,
            contact=contact,
            contact_zh=contact_zh,
        )
    return len(offices)


def advice_categories_load() -> None:
    """The advice categories (migration 0002) and the Roadmap's starting entries, where missing."""
    roadmap_defaults_load()
    if AdviceCategory.objects.exists():
        return
    categories = importlib.import_module("advisory.migrations.0002_categories").CATEGORIES
    for code, label, label_zh, order, desc, desc_zh in categories:
        AdviceCategory.objects.update_or_create(
            code=code,
            defaults={
                "label": label,
                "label_zh": label_zh,
                "ordering": order,
                "description": desc,
                "description_zh": desc_zh,
            },
        )
