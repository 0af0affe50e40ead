"""Cycles, filers (proposal, designation, CSV import), closing and referrals, filer queries."""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.gates import require_office
from ethics_office.base.mail import in_language_of, language_of
from ethics_office.base.roles import is_office
from ethics_office.base.rows import Row, read_csv, rows_import
from ethics_office.organisation.models import (
    DIRECTOR_AND_ABOVE,
    DutyStation,
    Entity,
    EntityGroup,
    Grade,
    Person,
)
from ethics_office.organisation.selectors import focal_point_entities
from ethics_office.outbox.models import Audience
from ethics_office.outbox.services import outbox_enqueue

from ..models import (
    DesignationBasis,
    Filer,
    FilerQuery,
    FilingCycle,
    Referral,
)
from ..permissions import access_filer_query, access_filing, access_referral
from ..selectors import filers_to_refer

# The sections of a statement, in the order the form shows them.
from .common import (
    ETHICS_OFFICE_CODE,
    MID_CYCLE_DAYS,
    QUERY_RESPONSE_HOURS,
    require_filer,
)

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
    require_office(actor)
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
                sort_entity=person.entity.code,
                sort_name=person.name,
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
    require_office(actor)
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
        sort_entity=person.entity.code,
        sort_name=person.name,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=filer,
        fields=["cycle", "person", "designation_reason", "own_deadline"],
    )
    return filer


CSV_COLUMNS = ["index_number", "name", "grade", "entity", "duty_station", "email"]
# The download beside the upload form: the header and one example row.
CSV_EXAMPLE = ["123456", "Jane Doe", "P-4", "UNU", "NYC", "jane.doe@example.org"]


def _filer_row(*, entities, stations, already, seen):
    reference = reverse("reference-codes")

    def map_row(row: Row):
        index = row.required("index_number")
        if index and index in seen:
            row.fail("index_number", _("an index number not already given on an earlier line"))
        elif index and index in already:
            row.fail("index_number", _("someone not already a filer in this cycle"))
        seen.add(index)
        row.required("name")
        row.choice("grade", Grade.values)
        entity = row.lookup("entity", entities, reference=f"{reference}#entities", what=_("an entity code"))
        if entity is not None and entity.group != EntityGroup.OTHER:
            row.fail(
                "entity",
                _("an entity outside the Secretariat (the office proposes the Secretariat's filers itself)"),
            )
        station = row.lookup(
            "duty_station", stations, reference=f"{reference}#duty-stations", what=_("a duty station code")
        )
        if row["email"] and "@" not in row["email"]:
            row.fail("email", _("an e-mail address, or nothing"))
        return {k: row[k] for k in CSV_COLUMNS} | {"entity_obj": entity, "station_obj": station}

    return map_row


@transaction.atomic
def filers_import_csv(*, actor, cycle_id: int, data: bytes) -> int:
    """Import an entity's filer list. Every row is checked; one bad row means nothing is saved.

    Errors name the line as the file counts it (the header is line 1), the column, the value
    and what is valid.
    """
    require_office(actor)
    cycle = FilingCycle.objects.get(pk=cycle_id)
    _header, lines = read_csv(data, columns=CSV_COLUMNS)
    rows = rows_import(
        lines,
        _filer_row(
            entities={e.code: e for e in Entity.objects.all()},
            stations={s.code: s for s in DutyStation.objects.all()},
            already=set(Filer.objects.filter(cycle=cycle).values_list("person__index_number", flat=True)),
            seen=set(),
        ),
    )
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
            sort_entity=row["entity_obj"].code,
            sort_name=row["name"],
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
    require_office(actor)
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
    for filer in filers_to_refer(cycle):
        referral = Referral.objects.create(filer=filer, referred_on=today, referred_by=actor)
        audit_record(actor=actor, action=Action.CREATE, obj=referral, fields=["filer", "referred_on"])
        referrals.append(referral)
    return referrals


# --- queries --------------------------------------------------------------------


@transaction.atomic
def filer_query_ask(*, actor, filer_id: int, question: str) -> FilerQuery:
    filer = access_filing(actor, filer_id)
    require_filer(actor, filer)
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
    require_office(actor)
    query = access_filer_query(actor, query_id, for_write=True)
    if query.answered_at:
        raise ApplicationError(_("This query has already been answered."))
    if not answer.strip():
        raise ApplicationError(_("Write the answer."), field="answer")
    query.answer, query.answered_at, query.answered_by = answer.strip(), timezone.now(), actor
    query.save(update_fields=["answer", "answered_at", "answered_by"])
    audit_record(actor=actor, action=Action.UPDATE, obj=query, fields=["answer", "answered_at"])
    if query.filer.person.email:
        with in_language_of(query.filer.person):
            outbox_enqueue(
                key=f"disclosure.query_answer:{query.pk}",
                kind="disclosure.query_answer",
                to=[query.filer.person.email],
                subject=_("Your financial disclosure query has been answered"),
                body=_("The Ethics Office has answered your query. Sign in to read the answer."),
                language=language_of(person=query.filer.person),
                audience=Audience.RECIPIENTS,
                obj=query,
            )
    return query


# --- exports the office reads ---------------------------------------------------------------


def referral_letter_read(*, actor, referral_id: int) -> Referral:
    """A referral, for its letter to OHRM: the export is recorded."""
    referral = access_referral(actor, referral_id)
    audit_record(actor=actor, action=Action.EXPORT, obj=referral, fields=["letter"])
    return referral


def compliance_export_record(*, actor, cycle: FilingCycle | None) -> None:
    """The compliance list leaves the system as CSV (names and status, never content): recorded."""
    audit_record(actor=actor, action=Action.EXPORT, obj=cycle, fields=["compliance"])
