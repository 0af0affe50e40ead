"""Demo: this year's cycle with the demo users and a few Department of Management colleagues as filers."""

import datetime as dt

from django.utils import timezone

from ethics_office.organisation.demo import demo_user
from ethics_office.organisation.models import DutyStation, Entity, Person
from ethics_office.organisation.services import person_upsert

from . import services
from .models import DesignationBasis, Filer, FilingCycle, Resolution

# index, name, grade, procurement, files (submits)
COLLEAGUES = [
    ("D000101", "Tomás Herrera", "D-1", False, True),
    ("D000102", "Grace Mwangi", "P-4", True, False),
    ("D000103", "Yuki Tanaka", "D-1", False, False),
]

STATEMENT = {
    "assets": ["Index fund, pension account (Vanguard)", "Apartment, Lyon (residence)"],
    "liabilities": ["Mortgage, Crédit Agricole"],
    "income": ["Member, advisory board of the Alumni Association (unpaid)"],
    "relatives": [],
    "gifts": ["Book from a visiting delegation, under USD 50"],
}


def _filer(cycle, person, basis, reason=""):
    filer, _created = Filer.objects.get_or_create(
        cycle=cycle,
        person=person,
        defaults={
            "entity": person.entity,
            "duty_station": person.duty_station,
            "grade": person.grade,
            "registered_on": cycle.opens_on,
            "confirmed": True,
            "basis": basis,
            "designation_reason": reason,
        },
    )
    return filer


def _statement(user, filer, submit):
    if filer.statements.exists():
        return
    statement = services.statement_start(actor=user, filer_id=filer.pk)
    if submit:
        services.statement_submit(actor=user, statement_id=statement.pk, contents=STATEMENT, certified=True)
    else:
        services.statement_save(
            actor=user,
            statement_id=statement.pk,
            contents={"assets": ["Savings account, UNFCU"], "gifts": []},
        )


def seed(stdout):
    today = timezone.localdate()
    officer = demo_user("officer")
    cycle, _created = FilingCycle.objects.get_or_create(
        year=today.year,
        defaults={"opens_on": dt.date(today.year, 3, 1), "deadline": dt.date(today.year, 4, 30)},
    )
    dm, nyc = Entity.objects.get(code="DM"), DutyStation.objects.get(code="NYC")
    director = demo_user("director")
    staff = demo_user("staff")
    director_filer = _filer(cycle, director.person, DesignationBasis.GRADE)
    officer_filer = _filer(cycle, officer.person, DesignationBasis.ETHICS_OFFICE)
    staff_filer = _filer(
        cycle, staff.person, DesignationBasis.DESIGNATED, "Member of the headquarters contracts committee"
    )
    asg = demo_user("asg")
    asg_filer = _filer(cycle, asg.person, DesignationBasis.GRADE)
    for index, name, grade, procurement, files in COLLEAGUES:
        person = Person.objects.filter(index_number=index).first()
        if person is None:
            person, _ = person_upsert(
                actor=officer,
                index_number=index,
                defaults={
                    "name": name,
                    "grade": grade,
                    "entity": dm,
                    "duty_station": nyc,
                    "email": f"{index.lower()}@example.un.org",
                    "procurement_function": procurement,
                },
            )
        filer = _filer(cycle, person, DesignationBasis.PROCUREMENT if procurement else DesignationBasis.GRADE)
        if files and filer.filed_on is None:
            Filer.objects.filter(pk=filer.pk).update(filed_on=cycle.deadline - dt.timedelta(days=3))
    _statement(director, director_filer, submit=True)
    _statement(officer, officer_filer, submit=True)
    _statement(staff, staff_filer, submit=False)
    _statement(asg, asg_filer, submit=True)
    reviewer = demo_user("reviewer")
    services.reviewers_assign(actor=officer, filer_ids=[director_filer.pk, staff_filer.pk], reviewer=reviewer)
    if not director_filer.conflicts.exists():
        services.conflict_item_add(
            actor=reviewer,
            filer_id=director_filer.pk,
            kind="outside_activity",
            description="Unpaid seat on the advisory board of a university alumni association",
            recommended_resolution=Resolution.APPROVAL_GRANTED,
        )
    stdout.write(f"disclosure: {cycle.year} cycle with {cycle.filers.count()} filers")
