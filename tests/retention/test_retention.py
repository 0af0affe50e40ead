"""Retention: schedules, legal holds, the dry run and the purge, with the annual report unchanged."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from advisory.models import AdviceAttachment, AdviceMessage, AdviceRequest
from advisory.workflow import OPEN
from disclosure.models import FilingCycle, Statement
from ethics_office.audit.models import AuditEvent
from ethics_office.base.errors import ApplicationError
from outreach.models import TrainingSession
from reports.queries import annual_report
from retaliation.models import RetaliationInquiry
from retaliation.workflow import Status as RStatus
from retention.models import LegalHold, RecordType, Tombstone
from retention.services import legal_hold_lift, legal_hold_place, retention_run, retention_schedule_update

pytestmark = pytest.mark.django_db

PERIODS = [f"{y}-{y + 1}" for y in range(2006, dt.date.today().year + 1)]


@pytest.fixture
def demo(people, tmp_path):
    call_command("seed_demo", stdout=io.StringIO())


def _reports() -> str:
    return json.dumps({p: annual_report(p) for p in PERIODS}, sort_keys=True, default=str)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _closed_advice_with_content(people):
    """A request answered with a message and a document, then advised (through the services)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from advisory import services

    officer = people["officer"]
    req = services.advice_request_submit(
        actor=people["staff"], category="outside_activities", question="May I sit on a board?"
    )
    services.advice_request_assign(actor=officer, request_id=req.pk, officer=officer)
    services.advice_message_post(
        actor=people["staff"],
        request_id=req.pk,
        body="Board papers attached.",
        files=[SimpleUploadedFile("board.pdf", PDF)],
    )
    services.advice_request_conclude(
        actor=officer, request_id=req.pk, outcome="advised", advice="Yes, with approval."
    )
    req.refresh_from_db()
    assert req.status not in OPEN and req.messages.exists() and req.attachments.exists()
    return req


def test_the_dry_run_lists_by_type_and_count_and_changes_nothing(demo):
    out = io.StringIO()
    before = AdviceMessage.objects.count()
    call_command("retention", "--dry-run", "--as-of", "2100-01-01", stdout=out)
    text = out.getvalue()
    for record_type in RecordType.values:
        assert f"{record_type}: would purge" in text
    assert AdviceMessage.objects.count() == before and not Tombstone.objects.exists()


def test_the_purge_removes_content_leaves_tombstones_and_every_report_is_unchanged(demo, people):
    """After --apply far in the future, every past period's annual report is identical, the
    confidential content and files are gone, one audit event per record type gives the count,
    and the audit trail still verifies."""
    req = _closed_advice_with_content(people)
    # A demo case with a narrative, closed (a shortcut: the report is taken after this).
    target = RetaliationInquiry.objects.exclude(narrative="").exclude(status=RStatus.IMPORTED).first()
    RetaliationInquiry.objects.filter(pk=target.pk).update(status=RStatus.CLOSED)
    held = RetaliationInquiry.objects.filter(status=RStatus.IMPORTED).first()
    assert target is not None and held is not None
    hold = legal_hold_place(
        actor=people["director"],
        record_type=RecordType.RETALIATION_CASE,
        object_id=held.pk,
        reason="OIOS matter",
    )
    files = [a.file.name for a in AdviceAttachment.objects.filter(request=req)]
    # The demo's live cycle, closed in 2030, so its statements fall due by 2100 as well.
    FilingCycle.objects.filter(closed_on__isnull=True).update(closed_on=dt.date(2030, 12, 31))
    assert Statement.objects.exists()
    assert TrainingSession.attendees.through.objects.exists()
    before = _reports()
    lines = {line.record_type: line for line in retention_run(as_of=dt.date(2100, 1, 1))}
    assert lines[RecordType.ADVICE_REQUEST].due > 0 and lines[RecordType.RETALIATION_CASE].held == 1
    call_command("retention", "--apply", "--as-of", "2100-01-01", stdout=io.StringIO())
    assert _reports() == before
    req.refresh_from_db()
    assert req.question == "" and req.advice == "" and not req.messages.exists()
    assert not AdviceAttachment.objects.filter(request=req).exists()
    from ethics_office.base.storage import private_storage

    assert all(not private_storage.exists(name) for name in files)
    assert Tombstone.objects.filter(record_type=RecordType.ADVICE_REQUEST, object_id=req.pk).exists()
    assert (
        Tombstone.objects.get(record_type=RecordType.ADVICE_REQUEST, object_id=req.pk).reference
        == req.service_request.ref
    )
    assert not Statement.objects.exists()
    assert not TrainingSession.attendees.through.objects.exists()
    target.refresh_from_db()
    assert target.narrative == "" and not target.evidence.exists() and not target.letters.exists()
    # The held case keeps its content.
    assert not Tombstone.objects.filter(record_type=RecordType.RETALIATION_CASE, object_id=held.pk).exists()
    events = AuditEvent.objects.filter(object_type__startswith="retention.", fields=["purged"])
    assert events.filter(object_type="retention.advice_request").count() == 1
    assert (
        int(events.get(object_type="retention.advice_request").changes["purged"][1])
        == lines[RecordType.ADVICE_REQUEST].due
    )
    call_command("verify_audit", stdout=io.StringIO())
    # A second run finds nothing more; lifting the hold lets the case go next time.
    assert all(line.due == 0 for line in retention_run(as_of=dt.date(2100, 1, 1)))
    legal_hold_lift(actor=people["director"], hold_id=hold.pk, reason="matter closed")
    lines = {line.record_type: line for line in retention_run(as_of=dt.date(2100, 1, 1), apply=True)}
    assert lines[RecordType.RETALIATION_CASE].due == 1
    assert _reports() == before


def test_nothing_is_purged_before_its_period(demo):
    lines = {line.record_type: line for line in retention_run(as_of=dt.date.today())}
    assert lines[RecordType.OUTBOX_MESSAGE].due == 0
    # The demo's live advice requests closed this year are within their seven years.
    recent = AdviceRequest.objects.exclude(status__in=OPEN).filter(updated_at__year=dt.date.today().year)
    assert recent.exists()
    retention_run(as_of=dt.date.today(), apply=True)
    assert not Tombstone.objects.filter(
        record_type=RecordType.ADVICE_REQUEST, object_id__in=recent.values("pk")
    ).exists()


def test_schedules_are_changed_by_administrators_only_and_audited(people):
    with pytest.raises(ApplicationError):
        retention_schedule_update(actor=people["officer"], record_type=RecordType.ADVICE_REQUEST, years=3)
    with pytest.raises(ApplicationError, match="between 1 and 100"):
        retention_schedule_update(actor=people["admin"], record_type=RecordType.ADVICE_REQUEST, years=0)
    schedule = retention_schedule_update(
        actor=people["admin"], record_type=RecordType.ADVICE_REQUEST, years=9
    )
    event = AuditEvent.objects.filter(object_type="retention.retentionschedule").latest("id")
    assert event.changes == {"years": ["7", "9"]} and schedule.years == 9


def test_a_hold_needs_a_reason_and_is_audited(people):
    with pytest.raises(ApplicationError, match="reason"):
        legal_hold_place(
            actor=people["director"], record_type=RecordType.ADVICE_REQUEST, object_id=1, reason=" "
        )
    with pytest.raises(ApplicationError):
        legal_hold_place(
            actor=people["officer"], record_type=RecordType.ADVICE_REQUEST, object_id=1, reason="x"
        )
    hold = legal_hold_place(
        actor=people["admin"], record_type=RecordType.ADVICE_REQUEST, object_id=1, reason="audit"
    )
    assert AuditEvent.objects.filter(object_type="retention.legalhold", object_id=str(hold.pk)).exists()
    assert LegalHold.objects.filter(lifted_at__isnull=True).count() == 1


def test_a_bad_as_of_date_is_refused():
    with pytest.raises(CommandError, match="not a date"):
        call_command("retention", "--dry-run", "--as-of", "31/12/2030")


def test_an_administrator_changes_a_schedule_in_the_admin_in_chinese_too(client_for, people):
    """The Django admin form saves through the service (audited); the page speaks Chinese."""
    from retention.models import RetentionSchedule

    admin = client_for("admin")
    response = admin.post(
        "/admin/retention/retentionschedule/add/", {"record_type": RecordType.OUTBOX_MESSAGE, "years": "2"}
    )
    assert response.status_code == 302
    schedule = RetentionSchedule.objects.get(record_type=RecordType.OUTBOX_MESSAGE)
    assert schedule.years == 2 and schedule.counted_from == "last_activity"
    assert AuditEvent.objects.filter(
        object_type="retention.retentionschedule", object_id=str(schedule.pk)
    ).exists()
    response = admin.post(f"/admin/retention/retentionschedule/{schedule.pk}/change/", {"years": "3"})
    assert response.status_code == 302
    schedule.refresh_from_db()
    assert schedule.years == 3
    page = admin.get(
        f"/admin/retention/retentionschedule/{schedule.pk}/change/", HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()
    assert "保留年数" in page
