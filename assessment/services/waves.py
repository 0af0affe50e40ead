"""A wave's life: create, draw the sample, field (Director), remind, close, publish (Director)."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed
from ethics_office.base.mail import in_language_of, language_of
from ethics_office.base.roles import has_role
from ethics_office.base.sampling import allocate, allocate_equal, stratified_sample
from ethics_office.organisation.models import Entity, Person

from ..models import GRADE_GROUP_OF, AllocationMethod, Assessment, Instrument, Invitation, Status, Stratum
from ..permissions import access_assessment, require_office
from ..workflow import WHO, can_transition
from .mail import assessment_mail_send

REMINDER_AFTER_DAYS = 7
MAX_REMINDERS = 2


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def assessment_create(
    *,
    actor,
    title: str,
    instrument: Instrument,
    missions,
    reference_date: dt.date,
    sample_size: int,
    allocation: str = AllocationMethod.PROPORTIONAL,
    minimum_per_stratum: int = 0,
    previous_wave: Assessment | None = None,
) -> Assessment:
    require_office(actor)
    if allocation not in AllocationMethod.values:
        raise ApplicationError(
            _("Allocation %(value)s is not one of %(valid)s.")
            % {"value": allocation, "valid": ", ".join(AllocationMethod.values)},
            field="allocation",
        )
    missions = list(missions)
    if not missions:
        raise ApplicationError(_("Choose at least one mission or entity."), field="missions")
    if sample_size < 1:
        raise ApplicationError(
            _("Sample size %(value)s is not valid: give a whole number of at least 1.")
            % {"value": sample_size},
            field="sample_size",
        )
    assessment = Assessment.objects.create(
        title=title.strip(),
        instrument=instrument,
        reference_date=reference_date,
        sample_size=sample_size,
        allocation=allocation,
        minimum_per_stratum=minimum_per_stratum,
        previous_wave=previous_wave,
    )
    assessment.missions.set(missions)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=assessment,
        fields=["title", "instrument", "missions", "reference_date", "sample_size", "allocation"],
    )
    return assessment


def population_of(assessment) -> list[tuple[int, str]]:
    """(person id, "MISSION|grade group") for the people of the chosen missions on record."""
    rows = Person.objects.filter(entity__in=assessment.missions.all()).values_list(
        "pk", "entity__code", "grade"
    )
    return [(pk, f"{code}|{GRADE_GROUP_OF.get(grade, 'national')}") for pk, code, grade in rows]


@transaction.atomic
def sample_draw(*, actor, assessment_id: int, seed: int | None = None) -> Assessment:
    """Draw (or redraw, while a draft) the stratified sample from a stored seed."""
    assessment = access_assessment(actor, assessment_id, for_write=True)
    require_office(actor)
    if assessment.status != Status.DRAFT:
        raise ApplicationError(_("The sample is fixed once the assessment is fielded."))
    population = population_of(assessment)
    if not population:
        raise ApplicationError(_("The chosen missions have nobody on record."), field="missions")
    seed = seed if seed is not None else secrets.randbits(48)
    if assessment.allocation == AllocationMethod.EQUAL:

        def allocator(sizes, n):
            return allocate_equal(sizes, n, assessment.minimum_per_stratum)
    else:
        allocator = allocate
    allocation, sampled = stratified_sample(population, assessment.sample_size, seed, allocator=allocator)
    sizes: dict[str, int] = {}
    for _pk, key in population:
        sizes[key] = sizes.get(key, 0) + 1
    assessment.invitations.all().delete()
    assessment.strata.all().delete()
    entities = {e.code: e for e in assessment.missions.all()}
    strata = {}
    for key, count in allocation.items():
        code, group = key.split("|")
        strata[key] = Stratum.objects.create(
            assessment=assessment,
            mission=entities[code],
            grade_group=group,
            population=sizes[key],
            sample_size=count,
        )
    key_of = dict(population)
    Invitation.objects.bulk_create(
        [Invitation(assessment=assessment, stratum=strata[key_of[pk]], person_id=pk) for pk in sampled],
        batch_size=1000,
    )
    assessment.seed, assessment.drawn_at = seed, timezone.now()
    assessment.save(update_fields=["seed", "drawn_at", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=assessment,
        fields=["seed", "strata"],
        changes={"sample": (None, len(sampled))},
    )
    return assessment


def _transition(actor, assessment, to):
    if not can_transition(assessment.status, to):
        raise TransitionNotAllowed(
            _("An assessment that is %(from)s cannot become %(to)s.")
            % {"from": assessment.get_status_display(), "to": Status(to).label}
        )
    if not has_role(actor, *WHO[to]):
        raise ApplicationError(_("Only the Director may do this."))
    old, assessment.status = assessment.status, to
    return old


def _link(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("assessment-respond", args=[token])


def _invite(invitation: Invitation, *, reminder: bool) -> None:
    """A fresh one-time token (a reminder's link replaces the earlier one), in the person's language."""
    token = secrets.token_urlsafe(24)
    invitation.token_hash = token_hash(token)
    person = invitation.person
    with in_language_of(person):
        title = invitation.assessment.instrument.title
        subject = (
            _("Reminder: %(title)s") % {"title": title}
            if reminder
            else _("You have been selected for the %(title)s") % {"title": title}
        )
        body = "\n\n".join(
            [
                _("Dear colleague,"),
                _(
                    "You were chosen at random to take part in the Ethics Office's assessment of the ethical "
                    "culture in field operations. It takes about 15 minutes."
                ),
                _(
                    "Your answers are anonymous: they are stored with no link to you or to this invitation, "
                    "and results are published only for groups of at least %(k)s people."
                )
                % {"k": getattr(settings, "ASSESSMENT_MIN_CELL", 10)},
                _("Your personal link (it works once): %(link)s") % {"link": _link(token)},
                _("The Ethics Office"),
            ]
        )
    assessment_mail_send(to=person.email, subject=subject, body=body, language=language_of(person=person))


@transaction.atomic
def assessment_field(
    *, actor, assessment_id: int, send: bool = True, on: dt.date | None = None
) -> Assessment:
    """The Director approves fielding: the questionnaire freezes and the invitations go out."""
    assessment = access_assessment(actor, assessment_id, for_write=True)
    if assessment.drawn_at is None:
        raise ApplicationError(_("Draw the sample before fielding the assessment."))
    old = _transition(actor, assessment, Status.FIELDED)
    assessment.fielded = on or timezone.localdate()
    assessment.save(update_fields=["status", "fielded", "updated_at"])
    Instrument.objects.filter(pk=assessment.instrument_id).update(frozen=True)
    count = 0
    if send:
        invitations = list(assessment.invitations.select_related("person", "assessment__instrument"))
        for invitation in invitations:
            _invite(invitation, reminder=False)
            invitation.sent_on = assessment.fielded
        Invitation.objects.bulk_update(invitations, ["token_hash", "sent_on"], batch_size=1000)
        count = len(invitations)
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=assessment,
        fields=["status", "fielded"],
        changes={"status": (old, Status.FIELDED), "invitations": (None, count)},
    )
    return assessment


@transaction.atomic
def reminders_send(*, actor, assessment_id: int | None = None, today: dt.date | None = None) -> int:
    """Remind those who have not answered (nobody learns who answered what: only 'used' is known)."""
    today = today or timezone.localdate()
    due = Invitation.objects.filter(
        assessment__status=Status.FIELDED, used=False, sent_on__isnull=False, reminders__lt=MAX_REMINDERS
    ).select_related("person", "assessment__instrument")
    if assessment_id is not None:
        if actor is not None:
            access_assessment(actor, assessment_id)
            require_office(actor)
        due = due.filter(assessment_id=assessment_id)
    cutoff = today - dt.timedelta(days=REMINDER_AFTER_DAYS)
    invitations = [
        i for i in due.select_for_update(of=("self",)) if (i.last_reminded_on or i.sent_on) <= cutoff
    ]
    for invitation in invitations:
        _invite(invitation, reminder=True)
        invitation.reminders += 1
        invitation.last_reminded_on = today
    Invitation.objects.bulk_update(
        invitations, ["token_hash", "reminders", "last_reminded_on"], batch_size=1000
    )
    for assessment_pk in sorted({i.assessment_id for i in invitations}):
        audit_record(
            actor=actor,
            action=Action.SEND,
            object_type="assessment.assessment",
            object_id=assessment_pk,
            fields=["reminders"],
            changes={"reminders": (None, sum(1 for i in invitations if i.assessment_id == assessment_pk))},
        )
    return len(invitations)


@transaction.atomic
def assessment_close(*, actor, assessment_id: int, on: dt.date | None = None) -> Assessment:
    """Fieldwork ends: unused links stop working."""
    assessment = access_assessment(actor, assessment_id, for_write=True)
    old = _transition(actor, assessment, Status.CLOSED)
    assessment.closed = on or timezone.localdate()
    assessment.save(update_fields=["status", "closed", "updated_at"])
    assessment.invitations.filter(used=False).update(token_hash="")
    # Every invitation row gets this transaction's stamp, whatever any earlier re-stamp missed.
    assessment.invitations.update(used=F("used"))
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=assessment,
        fields=["status", "closed"],
        changes={"status": (old, Status.CLOSED)},
    )
    return assessment


@transaction.atomic
def assessment_publish(*, actor, assessment_id: int, on: dt.date | None = None) -> Assessment:
    """The Director publishes: the mission heads see their mission's results."""
    assessment = access_assessment(actor, assessment_id, for_write=True)
    old = _transition(actor, assessment, Status.PUBLISHED)
    assessment.published = on or timezone.localdate()
    assessment.save(update_fields=["status", "published", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=assessment,
        fields=["status", "published"],
        changes={"status": (old, Status.PUBLISHED)},
    )
    return assessment


def missions_choices():
    return Entity.objects.filter(active=True).order_by("group", "code")
