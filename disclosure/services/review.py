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
from ethics_office.organisation.duties import own_matter_refuse
from ethics_office.organisation.models import (
    SENIOR_GRADES,
)
from ethics_office.organisation.services import object_permission_grant

from ..models import (
    ConflictEventKind,
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
from .conflicts import conflict_event_record, conflict_item_update

# --- review ------------------------------------------------------------------


def _require_reviewer_or_office(actor, filer):
    """The office or the filer's assigned reviewer — never the filer themself."""
    if not is_office(actor) and not reviewer_filers(actor).filter(pk=filer.pk).exists():
        raise Http404
    own_matter_refuse(actor, people=[filer.person], what=_("Reviewing this statement"))


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
        identified_on=timezone.localdate(),
    )
    conflict_event_record(actor=actor, item=item, kind=ConflictEventKind.CREATED, note=item.description)
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
    """The office confirms (or changes) the recommended resolution and follows it until done.

    Each call appends to the item's timeline (see `conflict_item_update`).
    """
    require_office(actor)
    if resolution not in Resolution.values:
        raise ApplicationError(_("Choose a resolution."), field="resolution")
    if follow_up not in FollowUp.values:
        raise ApplicationError(_("Choose the follow-up status."), field="follow_up")
    try:
        return conflict_item_update(
            actor=actor, item_id=item_id, note=note, resolution=resolution, follow_up=follow_up
        )
    except ApplicationError as exc:
        if exc.field != "note":
            raise
        # Saving the same resolution and status again is not an error on this form.
        return access_conflict_item(actor, item_id)


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
    The seed is stored so anyone can redraw and check the sample. One draw per cycle: a
    second one is a redraw (`verification_redraw`), for the Director, with a reason.
    """
    require_office(actor)
    cycle = FilingCycle.objects.select_for_update().get(pk=cycle_id)
    if cycle.verification_draws.filter(superseded_at__isnull=True).exists():
        raise ApplicationError(
            _("The %(year)s sample has already been drawn; only the Director may redraw it, with a reason.")
            % {"year": cycle.year},
            field="size",
        )
    return _draw(actor=actor, cycle=cycle, size=size, seed=seed)


@transaction.atomic
def verification_redraw(
    *, actor, cycle_id: int, reason: str, size: int | None = None, seed: int | None = None
) -> VerificationDraw:
    """The Director replaces the cycle's draw. The earlier draw is kept, marked superseded.

    Filers of the earlier draw who are not drawn again are no longer selected; documents they
    uploaded stay on their filing.
    """
    if not has_role(actor, Role.DIRECTOR):
        raise Http404
    cycle = FilingCycle.objects.select_for_update().get(pk=cycle_id)
    current = cycle.verification_draws.select_for_update().filter(superseded_at__isnull=True).first()
    if current is None:
        raise ApplicationError(_("There is no draw to replace yet."))
    if not reason.strip():
        raise ApplicationError(_("Give the reason for the redraw."), field="reason")
    now = timezone.now()
    current.superseded_at = now
    current.save(update_fields=["superseded_at"])
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=current,
        fields=["superseded_at"],
        changes={"superseded_at": (None, now.isoformat())},
    )
    Filer.objects.filter(pk__in=[*current.sampled, *current.carried_over]).update(
        verification_selected=False, verification_complete=None, updated_at=now
    )
    return _draw(actor=actor, cycle=cycle, size=size or current.size, seed=seed, reason=reason.strip())


def _draw(*, actor, cycle, size: int, seed: int | None, reason: str = "") -> VerificationDraw:
    if seed is not None and Filer.objects.filter(cycle=cycle, person__user=actor).exists():
        # A chosen seed decides who is drawn: a filer of the cycle may not choose it.
        own_matter_refuse(
            actor,
            people=[Filer.objects.get(cycle=cycle, person__user=actor).person],
            what=_("Choosing the seed"),
        )
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
    sizes: dict[str, int] = {}
    for _pk, stratum in population:
        sizes[stratum] = sizes.get(stratum, 0) + 1
    draw = VerificationDraw.objects.create(
        cycle=cycle,
        size=size,
        seed=seed,
        allocation=allocation,
        population=dict(sorted(sizes.items())),
        sampled=sampled,
        carried_over=carried,
        drawn_by=actor,
        reason=reason,
    )
    Filer.objects.filter(pk__in=[*sampled, *carried]).update(
        verification_selected=True, updated_at=timezone.now()
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=draw,
        fields=["size", "seed", "allocation", "sampled", "carried_over", *(["reason"] if reason else [])],
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


def verification_export_record(*, actor, draw: VerificationDraw) -> None:
    """The draw leaves the system as a spreadsheet (names and document status): recorded."""
    audit_record(actor=actor, action=Action.EXPORT, obj=draw, fields=["sampled", "carried_over"])
