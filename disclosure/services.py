"""Every write of the financial disclosure programme.

Each service takes `actor`, checks who may do it, runs in one transaction and records an
audit event. Audit events name the fields that changed, never statement content.
"""

import csv
import datetime as dt
import io
import secrets

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import get_users_with_perms

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.core.errors import ApplicationError, TransitionNotAllowed, ValidationFailed
from ethics_office.core.uploads import check_upload
from ethics_office.organisation.models import (
    DIRECTOR_AND_ABOVE,
    SENIOR_GRADES,
    DutyStation,
    Entity,
    EntityGroup,
    Grade,
    Person,
)
from ethics_office.organisation.roles import Role, has_role, is_office
from ethics_office.organisation.selectors import focal_point_entities
from ethics_office.organisation.services import object_permission_grant

from .models import (
    ComplianceNotice,
    ConflictItem,
    ConflictKind,
    Correspondence,
    DesignationBasis,
    Filer,
    FilerQuery,
    FilerReminder,
    FilingCycle,
    FollowUp,
    PublicDisclosure,
    PublicDisclosureChoice,
    Referral,
    ReminderKind,
    Resolution,
    ReviewOutcome,
    Statement,
    StatementStatus,
    VerificationDocument,
    VerificationDraw,
)
from .permissions import access_conflict_item, access_filer_query, access_filing, access_statement
from .sampling import stratified_sample, stratum_of
from .selectors import outstanding_filers, previous_statement_contents, reviewer_filers
from .workflow import can_transition

# The sections of a statement, in the order the form shows them.
SECTIONS = ("assets", "liabilities", "income", "relatives", "gifts")
MID_CYCLE_DAYS = 30
QUERY_RESPONSE_HOURS = 48
REMINDER_DAYS_BEFORE = 14
ETHICS_OFFICE_CODE = "EO"


def _require_office(actor):
    if not is_office(actor):
        raise Http404


def _require_filer(actor, filer):
    if filer.person.user_id is None or filer.person.user_id != actor.pk:
        raise Http404


def _clean_contents(contents: dict | None) -> dict:
    contents = contents or {}
    return {
        key: [str(line).strip() for line in contents.get(key, []) if str(line).strip()] for key in SECTIONS
    }


# --- cycles and filers ------------------------------------------------------


def _first_time(person_id, year) -> bool:
    """First-time or irregular: did not file in the previous cycle."""
    return not Filer.objects.filter(
        person_id=person_id, cycle__year=year - 1, filed_on__isnull=False
    ).exists()


def _basis_for(person: Person) -> str | None:
    if person.grade in DIRECTOR_AND_ABOVE:
        return DesignationBasis.GRADE
    if person.procurement_function:
        return DesignationBasis.PROCUREMENT
    if person.investment_function:
        return DesignationBasis.INVESTMENT
    if person.entity.code == ETHICS_OFFICE_CODE:
        return DesignationBasis.ETHICS_OFFICE
    return None


@transaction.atomic
def cycle_open(*, actor, year: int, deadline: dt.date, opens_on: dt.date | None = None) -> FilingCycle:
    """Open a cycle and propose its filers from the criteria; the office then confirms them."""
    _require_office(actor)
    if FilingCycle.objects.filter(year=year).exists():
        raise ApplicationError(_("The %(year)s cycle is already open.") % {"year": year}, field="year")
    opens_on = opens_on or dt.date(year, 3, 1)
    if deadline <= opens_on:
        raise ApplicationError(_("The deadline must fall after the opening date."), field="deadline")
    cycle = FilingCycle.objects.create(year=year, opens_on=opens_on, deadline=deadline)
    previous = set(
        Filer.objects.filter(cycle__year=year - 1, filed_on__isnull=False).values_list("person_id", flat=True)
    )
    candidates = (
        Person.objects.select_related("entity")
        .exclude(grade="")
        .filter(
            Q(grade__in=DIRECTOR_AND_ABOVE)
            | Q(procurement_function=True)
            | Q(investment_function=True)
            | Q(entity__code=ETHICS_OFFICE_CODE)
        )
    )
    today = timezone.localdate()
    Filer.objects.bulk_create(
        [
            Filer(
                cycle=cycle,
                person=person,
                entity_id=person.entity_id,
                duty_station_id=person.duty_station_id,
                grade=person.grade,
                first_time=person.pk not in previous,
                registered_on=today,
                confirmed=False,
                basis=_basis_for(person) or "",
            )
            for person in candidates
        ]
    )
    audit_record(
        actor=actor, action=Action.CREATE, obj=cycle, fields=["year", "opens_on", "deadline", "filers"]
    )
    return cycle


@transaction.atomic
def filers_confirm(*, actor, cycle_id: int, filer_ids) -> int:
    _require_office(actor)
    filers = Filer.objects.filter(cycle_id=cycle_id, pk__in=list(filer_ids), confirmed=False)
    count = filers.update(confirmed=True, updated_at=timezone.now())
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        object_type="disclosure.filingcycle",
        object_id=cycle_id,
        fields=["filers.confirmed"],
        changes={"confirmed": (None, count)},
    )
    return count


@transaction.atomic
def filer_designate(*, actor, cycle_id: int, person: Person, reason: str) -> Filer:
    """The office, or a focal point for the person's entity, adds a filer with a reason.

    A filer added after the cycle opened gets their own deadline 30 days away.
    """
    cycle = FilingCycle.objects.get(pk=cycle_id)
    if not is_office(actor) and not focal_point_entities(actor).filter(pk=person.entity_id).exists():
        raise Http404
    if cycle.closed_on:
        raise ApplicationError(_("The %(year)s cycle is closed.") % {"year": cycle.year})
    if not reason.strip():
        raise ApplicationError(_("Give the reason for the designation."), field="reason")
    if not person.grade:
        raise ApplicationError(_("This person has no grade on record."), field="index_number")
    if Filer.objects.filter(cycle=cycle, person=person).exists():
        raise ApplicationError(
            _("%(name)s is already a filer in the %(year)s cycle.")
            % {"name": person.name, "year": cycle.year},
            field="index_number",
        )
    today = timezone.localdate()
    own_deadline = today + dt.timedelta(days=MID_CYCLE_DAYS) if today > cycle.opens_on else None
    filer = Filer.objects.create(
        cycle=cycle,
        person=person,
        entity_id=person.entity_id,
        duty_station_id=person.duty_station_id,
        grade=person.grade,
        first_time=_first_time(person.pk, cycle.year),
        registered_on=today,
        confirmed=True,
        basis=DesignationBasis.DESIGNATED,
        designation_reason=reason.strip(),
        own_deadline=own_deadline,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=filer,
        fields=["cycle", "person", "designation_reason", "own_deadline"],
    )
    return filer


CSV_COLUMNS = ["index_number", "name", "grade", "entity", "duty_station", "email"]


@transaction.atomic
def filers_import_csv(*, actor, cycle_id: int, data: bytes) -> int:
    """Import an entity's filer list. Every row is checked; one bad row means nothing is saved.

    Rows are numbered as a spreadsheet shows them (the header is row 1).
    """
    _require_office(actor)
    cycle = FilingCycle.objects.get(pk=cycle_id)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = _("The file is not UTF-8 text.")
        raise ValidationFailed(message, errors={"file": [message]}) from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        message = _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}
        raise ValidationFailed(message, errors={"file": [message]})
    entities = {e.code: e for e in Entity.objects.all()}
    stations = {s.code: s for s in DutyStation.objects.all()}
    already = set(Filer.objects.filter(cycle=cycle).values_list("person__index_number", flat=True))
    errors: list[str] = []
    rows: list[dict] = []
    seen: set[str] = set()
    for number, raw in enumerate(reader, start=2):
        row = {k: (raw.get(k) or "").strip() for k in CSV_COLUMNS}
        problems = []
        if not row["index_number"]:
            problems.append(_("index number is missing"))
        elif row["index_number"] in seen:
            problems.append(_("index number %(n)s appears twice") % {"n": row["index_number"]})
        elif row["index_number"] in already:
            problems.append(_("%(n)s is already a filer in this cycle") % {"n": row["index_number"]})
        if not row["name"]:
            problems.append(_("name is missing"))
        if row["grade"] not in Grade.values:
            problems.append(_("grade %(g)s is not a known grade") % {"g": row["grade"] or "—"})
        entity = entities.get(row["entity"])
        if entity is None:
            problems.append(_("entity %(e)s is unknown") % {"e": row["entity"] or "—"})
        elif entity.group != EntityGroup.OTHER:
            problems.append(
                _("entity %(e)s is part of the Secretariat, whose filers are proposed by the office")
                % {"e": entity.code}
            )
        if row["duty_station"] not in stations:
            problems.append(_("duty station %(d)s is unknown") % {"d": row["duty_station"] or "—"})
        if row["email"] and "@" not in row["email"]:
            problems.append(_("e-mail %(m)s is not an address") % {"m": row["email"]})
        seen.add(row["index_number"])
        if problems:
            errors.append(_("Row %(row)s: %(problems)s.") % {"row": number, "problems": "; ".join(problems)})
        else:
            rows.append(row | {"entity_obj": entity, "station_obj": stations[row["duty_station"]]})
    if not errors and not rows:
        errors.append(_("The file has no rows."))
    if errors:
        raise ValidationFailed(_("Nothing was imported: correct the rows listed."), errors={"file": errors})
    today = timezone.localdate()
    own_deadline = today + dt.timedelta(days=MID_CYCLE_DAYS) if today > cycle.opens_on else None
    for row in rows:
        person, _created = Person.objects.update_or_create(
            index_number=row["index_number"],
            defaults={
                "name": row["name"],
                "grade": row["grade"],
                "entity": row["entity_obj"],
                "duty_station": row["station_obj"],
                "email": row["email"],
            },
        )
        Filer.objects.create(
            cycle=cycle,
            person=person,
            entity=row["entity_obj"],
            duty_station=row["station_obj"],
            grade=row["grade"],
            first_time=_first_time(person.pk, cycle.year),
            registered_on=today,
            confirmed=True,
            basis=DesignationBasis.IMPORTED,
            own_deadline=own_deadline,
        )
    audit_record(
        actor=actor,
        action=Action.IMPORT,
        obj=cycle,
        fields=["filers"],
        changes={"imported": (None, len(rows))},
    )
    return len(rows)


@transaction.atomic
def cycle_close(*, actor, cycle_id: int) -> list[Referral]:
    """Close a cycle; every confirmed filer still outstanding is referred to OHRM."""
    _require_office(actor)
    cycle = FilingCycle.objects.select_for_update().get(pk=cycle_id)
    if cycle.closed_on:
        raise ApplicationError(_("The %(year)s cycle is already closed.") % {"year": cycle.year})
    today = timezone.localdate()
    cycle.closed_on = today
    cycle.save(update_fields=["closed_on"])
    audit_record(
        actor=actor,
        action=Action.TRANSITION,
        obj=cycle,
        fields=["closed_on"],
        changes={"closed_on": (None, today)},
    )
    referrals = []
    for filer in Filer.objects.filter(
        cycle=cycle, confirmed=True, filed_on__isnull=True, referral__isnull=True
    ):
        referral = Referral.objects.create(filer=filer, referred_on=today, referred_by=actor)
        audit_record(actor=actor, action=Action.CREATE, obj=referral, fields=["filer", "referred_on"])
        referrals.append(referral)
    return referrals


# --- statements --------------------------------------------------------------


@transaction.atomic
def statement_start(*, actor, filer_id: int) -> Statement:
    """The filer's working statement: the latest version, or a new draft pre-filled from last cycle."""
    filer = access_filing(actor, filer_id, for_write=True)
    _require_filer(actor, filer)
    latest = filer.statements.order_by("-version").first()
    if latest is not None:
        return latest
    if filer.cycle.closed_on:
        raise ApplicationError(_("The %(year)s cycle is closed.") % {"year": filer.cycle.year})
    statement = Statement.objects.create(
        filer=filer, version=1, contents=_clean_contents(previous_statement_contents(filer))
    )
    audit_record(actor=actor, action=Action.CREATE, obj=statement, fields=["contents"])
    return statement


def _editable(actor, statement_id) -> Statement:
    statement = access_statement(actor, statement_id, for_write=True)
    _require_filer(actor, statement.filer)
    if statement.status != StatementStatus.DRAFT:
        raise TransitionNotAllowed(_("A submitted statement cannot be changed; file an amendment instead."))
    return statement


@transaction.atomic
def statement_save(*, actor, statement_id: int, contents: dict) -> Statement:
    statement = _editable(actor, statement_id)
    statement.contents = _clean_contents(contents)
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
    if not can_transition(statement.status, StatementStatus.SUBMITTED):
        raise TransitionNotAllowed(_("This statement cannot be submitted."))
    now = timezone.now()
    statement.contents = _clean_contents(contents)
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
    _require_filer(actor, filer)
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


# --- review ------------------------------------------------------------------


def _require_reviewer_or_office(actor, filer):
    if is_office(actor):
        return
    if not reviewer_filers(actor).filter(pk=filer.pk).exists():
        raise Http404


@transaction.atomic
def reviewers_assign(*, actor, filer_ids, reviewer) -> int:
    """The office assigns a batch of filers to an external reviewer."""
    _require_office(actor)
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
    _require_office(actor)
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
    _require_office(actor)
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
    _require_filer(actor, filer)
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
    _require_filer(actor, filer)
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


# --- queries --------------------------------------------------------------------


@transaction.atomic
def filer_query_ask(*, actor, filer_id: int, question: str) -> FilerQuery:
    filer = access_filing(actor, filer_id)
    _require_filer(actor, filer)
    if not question.strip():
        raise ApplicationError(_("Write your question."), field="question")
    now = timezone.now()
    query = FilerQuery.objects.create(
        filer=filer,
        question=question.strip(),
        asked_at=now,
        due_at=now + dt.timedelta(hours=QUERY_RESPONSE_HOURS),
    )
    audit_record(actor=actor, action=Action.CREATE, obj=query, fields=["question", "due_at"])
    return query


@transaction.atomic
def filer_query_answer(*, actor, query_id: int, answer: str) -> FilerQuery:
    _require_office(actor)
    query = access_filer_query(actor, query_id, for_write=True)
    if query.answered_at:
        raise ApplicationError(_("This query has already been answered."))
    if not answer.strip():
        raise ApplicationError(_("Write the answer."), field="answer")
    query.answer, query.answered_at, query.answered_by = answer.strip(), timezone.now(), actor
    query.save(update_fields=["answer", "answered_at", "answered_by"])
    audit_record(actor=actor, action=Action.UPDATE, obj=query, fields=["answer", "answered_at"])
    if query.filer.person.email:
        message = EmailMessage(
            _("Your financial disclosure query has been answered"),
            _("The Ethics Office has answered your query. Sign in to read the answer."),
            settings.DEFAULT_FROM_EMAIL,
            [query.filer.person.email],
        )
        transaction.on_commit(message.send)
    return query


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
        _require_office(actor)
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
    from .selectors import _with_deadline

    filers = _with_deadline(
        Filer.objects.filter(
            cycle__closed_on__isnull=True, confirmed=True, filed_on__isnull=True
        ).select_related("person", "cycle")
    )
    for filer in filers:
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
