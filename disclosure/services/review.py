"""External review, conflict items and their resolution, correspondence, verification, public disclosure."""

import datetime as dt
import secrets

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.gates import require_office
from ethics_office.base.roles import Role, has_role, is_office
from ethics_office.base.uploads import check_upload
from ethics_office.organisation.models import (
    SENIOR_GRADES,
)
from ethics_office.organisation.services import object_permission_grant

from ..models import (
    ConflictItem,
    ConflictKind,
    Correspondence,
    Filer,
    FilingCycle,
    FollowUp,
    PublicDisclosure,
    PublicDisclosureChoice,
    Resolution,
    ReviewOutcome,
    VerificationDocument,
    VerificationDraw,
)
from ..permissions import access_conflict_item, access_document, access_filing
from ..sampling import stratified_sample, stratum_of
from ..selectors import reviewer_filers

# The sections of a statement, in the order the form shows them.
from .common import (
    require_filer,
)

# --- review ------------------------------------------------------------------


def _require_reviewer_or_office(actor, filer):
    if is_office(actor):
        return
    if not reviewer_filers(actor).filter(pk=filer.pk).exists():
        raise Http404


@transaction.atomic
def reviewers_assign(*, actor, filer_ids, reviewer) -> int:
    """The office assigns a batch of filers to an external reviewer."""
    require_office(actor)
    if not has_role(reviewer, Role.REVIEWER):
        raise ApplicationError(
            _("%(user)s is not an external reviewer.") % {"user": reviewer.get_username()}, field="reviewer"
        )
    count = 0
    for filer in Filer.objects.filter(pk__in=list(filer_ids)):
        object_permission_grant(actor=actor, user=reviewer, perm="disclosure.review_filer", obj=filer)
        count += 1
    return count


@transaction.atomic
def review_record(*, actor, filer_id: int, outcome: str) -> Filer:
    filer = access_filing(actor, filer_id, for_write=True)
    _require_reviewer_or_office(actor, filer)
    if outcome not in ReviewOutcome.values:
        raise ApplicationError(_("Choose a review outcome."), field="outcome")
    if filer.filed_on is None:
        raise ApplicationError(_("The filer has not submitted a statement yet."))
    old = filer.review_outcome
    filer.review_outcome = outcome
    filer.reviewed_at = timezone.now()
    filer.save(update_fields=["review_outcome", "reviewed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=filer,
        fields=["review_outcome"],
        changes={"review_outcome": (old or None, outcome)},
    )
    return filer


@transaction.atomic
def conflict_item_add(
    *, actor, filer_id: int, kind: str, description: str, recommended_resolution: str
) -> ConflictItem:
    """The reviewer flags a conflict item with a recommended resolution; the office confirms it later."""
    filer = access_filing(actor, filer_id, for_write=True)
    _require_reviewer_or_office(actor, filer)
    if kind not in ConflictKind.values:
        raise ApplicationError(_("Choose the type of conflict."), field="kind")
    if recommended_resolution not in Resolution.values:
        raise ApplicationError(_("Choose a recommended resolution."), field="recommended_resolution")
    item = ConflictItem.objects.create(
        filer=filer,
        kind=kind,
        description=description.strip(),
        recommended_resolution=recommended_resolution,
        follow_up=FollowUp.OPEN,
    )
    audit_record(
        actor=actor, action=Action.CREATE, obj=item, fields=["kind", "description", "recommended_resolution"]
    )
    if filer.review_outcome != ReviewOutcome.CONFLICTS:
        filer.review_outcome = ReviewOutcome.CONFLICTS
        filer.reviewed_at = timezone.now()
        filer.save(update_fields=["review_outcome", "reviewed_at", "updated_at"])
    return item


@transaction.atomic
def conflict_resolution_set(
    *, actor, item_id: int, resolution: str, follow_up: str, note: str = ""
) -> ConflictItem:
    """The office confirms (or changes) the recommended resolution and follows it until done."""
    require_office(actor)
    item = access_conflict_item(actor, item_id, for_write=True)
    if resolution not in Resolution.values:
        raise ApplicationError(_("Choose a resolution."), field="resolution")
    if follow_up not in FollowUp.values:
        raise ApplicationError(_("Choose the follow-up status."), field="follow_up")
    old = (item.resolution, item.follow_up)
    item.resolution, item.follow_up, item.follow_up_note = resolution, follow_up, note.strip()
    item.save(update_fields=["resolution", "follow_up", "follow_up_note", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=item,
        fields=["resolution", "follow_up", "follow_up_note"],
        changes={"resolution": (old[0] or None, resolution), "follow_up": (old[1] or None, follow_up)},
    )
    return item


@transaction.atomic
def correspondence_log(
    *, actor, filer_id: int, on: dt.date, channel: str, summary: str = ""
) -> Correspondence:
    filer = access_filing(actor, filer_id)
    _require_reviewer_or_office(actor, filer)
    entry = Correspondence.objects.create(
        filer=filer, on=on, channel=channel, summary=summary.strip(), recorded_by=actor
    )
    audit_record(actor=actor, action=Action.CREATE, obj=entry, fields=["on", "channel", "summary"])
    return entry


# --- verification -------------------------------------------------------------


@transaction.atomic
def verification_draw(*, actor, cycle_id: int, size: int, seed: int | None = None) -> VerificationDraw:
    """Stratified random draw (grade band × entity × duty station, proportional, largest remainder).

    Every filer whose documents were incomplete in the previous cycle is added on top.
    The seed is stored so anyone can redraw and check the sample.
    """
    require_office(actor)
    cycle = FilingCycle.objects.select_for_update().get(pk=cycle_id)
    if size < 1:
        raise ApplicationError(_("The sample size must be at least 1."), field="size")
    seed = seed if seed is not None else secrets.randbits(48)
    filers = list(
        Filer.objects.filter(cycle=cycle, confirmed=True)
        .select_related("entity", "duty_station")
        .only("pk", "grade", "entity__code", "duty_station__code", "person_id")
    )
    incomplete_before = set(
        Filer.objects.filter(
            cycle__year=cycle.year - 1, verification_selected=True, verification_complete=False
        ).values_list("person_id", flat=True)
    )
    carried = sorted(f.pk for f in filers if f.person_id in incomplete_before)
    population = [
        (f.pk, stratum_of(f.grade, f.entity.code, f.duty_station.code)) for f in filers if f.pk not in carried
    ]
    allocation, sampled = stratified_sample(population, size, seed)
    draw = VerificationDraw.objects.create(
        cycle=cycle,
        size=size,
        seed=seed,
        allocation=allocation,
        sampled=sampled,
        carried_over=carried,
        drawn_by=actor,
    )
    Filer.objects.filter(pk__in=[*sampled, *carried]).update(
        verification_selected=True, updated_at=timezone.now()
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=draw,
        fields=["size", "seed", "allocation", "sampled", "carried_over"],
        changes={"seed": (None, seed), "selected": (None, len(sampled) + len(carried))},
    )
    return draw


@transaction.atomic
def verification_document_upload(*, actor, filer_id: int, upload) -> VerificationDocument:
    filer = access_filing(actor, filer_id)
    require_filer(actor, filer)
    if not filer.verification_selected:
        raise ApplicationError(_("This filing was not selected for verification."), field="file")
    content_type = check_upload(upload, field="file")
    document = VerificationDocument(
        filer=filer, name=upload.name[:255], content_type=content_type, uploaded_by=actor
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    audit_record(actor=actor, action=Action.CREATE, obj=document, fields=["file"])
    return document


@transaction.atomic
def verification_mark(*, actor, filer_id: int, complete: bool) -> Filer:
    filer = access_filing(actor, filer_id, for_write=True)
    _require_reviewer_or_office(actor, filer)
    if not filer.verification_selected:
        raise ApplicationError(_("This filing was not selected for verification."))
    old = filer.verification_complete
    filer.verification_complete = complete
    filer.save(update_fields=["verification_complete", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=filer,
        fields=["verification_complete"],
        changes={"verification_complete": (old, complete)},
    )
    return filer


# --- voluntary public disclosure ----------------------------------------------


@transaction.atomic
def public_disclosure_choose(*, actor, filer_id: int, choice: str, summary: str = "") -> PublicDisclosure:
    """An ASG or USG filer chooses full disclosure (with the summary they approve), confirmation, or to decline."""
    filer = access_filing(actor, filer_id, for_write=True)
    require_filer(actor, filer)
    if filer.grade not in SENIOR_GRADES:
        raise ApplicationError(_("Voluntary public disclosure is open to filers at ASG and USG level."))
    if choice not in PublicDisclosureChoice.values:
        raise ApplicationError(_("Choose one of the options."), field="choice")
    if choice == PublicDisclosureChoice.FULL_DISCLOSURE and not summary.strip():
        raise ApplicationError(
            _("Full public disclosure needs the summary you approve for publication."), field="summary"
        )
    summary = summary.strip() if choice == PublicDisclosureChoice.FULL_DISCLOSURE else ""
    disclosure, created = PublicDisclosure.objects.update_or_create(
        filer=filer, defaults={"choice": choice, "summary": summary}
    )
    audit_record(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        obj=disclosure,
        fields=["choice", "summary"],
        changes={"choice": (None, choice)},
    )
    return disclosure


def verification_document_read(*, actor, document_id: int) -> VerificationDocument:
    """A verification document, for download: the read is recorded."""
    document = access_document(actor, document_id)
    audit_record(actor=actor, action=Action.VIEW, obj=document, fields=["file"])
    return document
