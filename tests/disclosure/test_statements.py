import datetime as dt

import pytest
from django.db import connection
from django.http import Http404

from disclosure import services
from disclosure.models import Statement, StatementStatus
from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed

from .factories import CycleFactory, FilerFactory

pytestmark = pytest.mark.django_db


def test_a_filer_saves_a_draft_and_the_filing_stays_outstanding(staff, staff_filer, contents):
    """Saving a draft stores the contents but does not count as filing."""
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_save(actor=staff, statement_id=statement.pk, contents=contents)
    statement.refresh_from_db()
    staff_filer.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT
    assert statement.contents["assets"] == contents["assets"]
    assert staff_filer.filed_on is None


def test_submission_requires_the_certification(staff, staff_filer, contents):
    """Without the certification the statement stays a draft and the filer has not filed."""
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    with pytest.raises(ApplicationError) as exc:
        services.statement_submit(actor=staff, statement_id=statement.pk, contents=contents, certified=False)
    assert exc.value.field == "certify"
    statement.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT
    staff_filer.refresh_from_db()
    assert staff_filer.filed_on is None


def test_submitting_files_and_makes_the_statement_read_only(staff, staff_filer, contents):
    """A submitted statement sets the filing date and refuses further changes."""
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_submit(actor=staff, statement_id=statement.pk, contents=contents, certified=True)
    staff_filer.refresh_from_db()
    assert staff_filer.filed_on is not None
    statement.refresh_from_db()
    assert statement.certified_at is not None
    with pytest.raises(TransitionNotAllowed):
        services.statement_save(actor=staff, statement_id=statement.pk, contents={"assets": ["changed"]})
    statement.refresh_from_db()
    assert statement.contents["assets"] == contents["assets"]


def test_an_amendment_is_a_new_version_and_keeps_the_filing_date(staff, staff_filer, contents):
    """Amending creates version 2 as a draft carrying version 1's contents; version 1 is untouched."""
    first = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_submit(actor=staff, statement_id=first.pk, contents=contents, certified=True)
    staff_filer.refresh_from_db()
    filed_on = staff_filer.filed_on
    second = services.statement_amend(actor=staff, filer_id=staff_filer.pk)
    assert second.version == 2 and second.status == StatementStatus.DRAFT
    assert second.contents == Statement.objects.get(pk=first.pk).contents
    services.statement_submit(
        actor=staff, statement_id=second.pk, contents=contents | {"gifts": ["Book"]}, certified=True
    )
    assert Statement.objects.get(pk=first.pk).contents["gifts"] == []
    staff_filer.refresh_from_db()
    assert staff_filer.filed_on == filed_on


def test_the_previous_cycles_statement_prefills_the_new_one(people, staff, contents):
    """A new statement starts from the filer's last submitted statement of an earlier cycle."""
    person = people["staff"].person
    old = FilerFactory(cycle=CycleFactory(year=2025), person=person, grade="P-3")
    statement = services.statement_start(actor=staff, filer_id=old.pk)
    services.statement_submit(actor=staff, statement_id=statement.pk, contents=contents, certified=True)
    new = FilerFactory(cycle=CycleFactory(year=2026), person=person, grade="P-3")
    fresh = services.statement_start(actor=staff, filer_id=new.pk)
    assert fresh.contents["assets"] == contents["assets"]
    assert fresh.status == StatementStatus.DRAFT
    # Reading last cycle's statement to pre-fill is a read like any other: audited.
    view = AuditEvent.objects.filter(action=Action.VIEW, object_type="disclosure.statement").latest("id")
    assert view.object_id == str(statement.pk) and view.actor == staff


def test_nobody_but_the_filer_writes_the_statement(officer, staff2, staff_filer, staff):
    """Even the office cannot write a filer's statement; another staff member cannot see it at all."""
    with pytest.raises(Http404):
        services.statement_start(actor=staff2, filer_id=staff_filer.pk)
    with pytest.raises(Http404):
        services.statement_start(actor=officer, filer_id=staff_filer.pk)
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    with pytest.raises(Http404):
        services.statement_save(actor=officer, statement_id=statement.pk, contents={})


def test_every_read_of_a_statement_is_audited(staff, officer, staff_filer, contents):
    """Reading a statement writes a VIEW event naming the reader."""
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_submit(actor=staff, statement_id=statement.pk, contents=contents, certified=True)
    before = AuditEvent.objects.filter(action=Action.VIEW).count()
    services.statement_read(actor=officer, statement_id=statement.pk)
    event = AuditEvent.objects.filter(action=Action.VIEW).order_by("-id").first()
    assert AuditEvent.objects.filter(action=Action.VIEW).count() == before + 1
    assert event.actor == officer
    assert event.object_type == "disclosure.statement" and event.object_id == str(statement.pk)


def test_statement_columns_hold_no_plaintext(staff, staff_filer, contents):
    """Read with raw SQL, the contents column is a Fernet token: no word of the statement shows."""
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_submit(actor=staff, statement_id=statement.pk, contents=contents, certified=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT contents FROM disclosure_statement WHERE id = %s", [statement.pk])
        (raw,) = cursor.fetchone()
    assert raw.startswith("gAAAAA")
    for word in ("Acme", "Geneva", "Mortgage", "UNICEF", "assets"):
        assert word not in raw


def test_rotation_reencrypts_under_the_newest_key(settings, staff, staff_filer, contents):
    """After a new key is put first and the rotation runs, the old key can be removed and statements still read."""
    from cryptography.fernet import Fernet

    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_save(actor=staff, statement_id=statement.pk, contents=contents)
    old_keys = list(settings.FIELD_ENCRYPTION_KEYS)
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, *old_keys]
    assert services.statements_reencrypt(actor=None) >= 1
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert Statement.objects.get(pk=statement.pk).contents["assets"] == contents["assets"]


def test_a_closed_cycle_takes_no_new_statement(staff, staff_filer):
    """Once the cycle is closed a filer cannot start a statement for it."""
    staff_filer.cycle.closed_on = dt.date.today()
    staff_filer.cycle.save()
    with pytest.raises(ApplicationError):
        services.statement_start(actor=staff, filer_id=staff_filer.pk)


def test_a_draft_is_the_filers_alone(staff, officer, reviewer, staff_filer, assign, contents):
    """Until submitted, neither the office nor the assigned reviewer can read the statement."""
    assign(reviewer, staff_filer)
    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_save(actor=staff, statement_id=statement.pk, contents=contents)
    for user in (officer, reviewer):
        with pytest.raises(Http404):
            services.statement_read(actor=user, statement_id=statement.pk)
    assert (
        services.statement_read(actor=staff, statement_id=statement.pk).contents["assets"]
        == contents["assets"]
    )
