import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ethics_office.audit.models import AuditEvent
from panel import services
from panel.models import MinutesStatus, PanelMeeting
from panel.selectors import member_offices_visible_to

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_member_office_keeps_its_name_history(officer, panel_member):
    """The current name is the latest valid one; earlier names stay listed with their dates."""
    office = services.member_office_create(
        actor=officer,
        code="secretariat",
        name="United Nations Ethics Committee",
        valid_from=dt.date(2007, 12, 1),
    )
    services.member_office_rename(
        actor=officer,
        office_id=office.pk,
        name="Ethics Panel of the United Nations",
        valid_from=dt.date(2013, 4, 1),
    )
    current = member_offices_visible_to(panel_member).get(pk=office.pk)
    assert current.current_name == "Ethics Panel of the United Nations"
    assert list(office.names.values_list("name", flat=True)) == [
        "Ethics Panel of the United Nations",
        "United Nations Ethics Committee",
    ]


def test_minutes_go_from_draft_to_approved_and_then_freeze(client_for, officer):
    """The office saves a draft, approves it, and can no longer change it."""
    meeting = services.meeting_create(actor=officer, date=dt.date(2026, 1, 20), kind="formal")
    client = client_for("officer")
    url = reverse("panel-meeting-minutes", args=[meeting.pk])
    client.post(url, {"minutes": "The Panel met.", "action": "draft"})
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT
    client.post(url, {"minutes": "The Panel met.", "action": "approve"})
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.APPROVED
    assert meeting.minutes_approved_on is not None
    client.post(url, {"minutes": "Rewritten.", "action": "draft"})
    meeting.refresh_from_db()
    assert meeting.minutes == "The Panel met."


def test_panel_members_read_meetings_but_cannot_change_them(client_for, officer):
    """A panel member sees the meeting and its minutes but a change is refused like any office-only page (404)."""
    meeting = services.meeting_create(actor=officer, date=dt.date(2026, 1, 20), kind="informal")
    services.agenda_item_add(actor=officer, meeting_id=meeting.pk, title="Gifts guidance", decision="Adopted")
    panel = client_for("panel")
    page = panel.get(reverse("panel-meeting-detail", args=[meeting.pk])).content.decode()
    assert "Gifts guidance" in page and "Adopted" in page
    assert 'name="minutes"' not in page
    response = panel.post(reverse("panel-meeting-item-add", args=[meeting.pk]), {"title": "Sneaky"})
    assert response.status_code == 404
    assert meeting.agenda_items.count() == 1


def test_documents_are_checked_stored_encrypted_and_served_through_the_gate(client_for, officer, settings):
    """A PDF is accepted and downloads for a panel member; a text file posing as a PDF is refused;
    staff get 404 on the download."""
    meeting = services.meeting_create(actor=officer, date=dt.date(2026, 1, 20), kind="formal")
    client = client_for("officer")
    url = reverse("panel-meeting-document-add", args=[meeting.pk])
    client.post(url, {"title": "Agenda", "file": SimpleUploadedFile("agenda.pdf", PDF)})
    client.post(url, {"title": "Fake", "file": SimpleUploadedFile("fake.pdf", b"just text")})
    assert meeting.documents.count() == 1
    document = meeting.documents.get()
    with open(document.file.path, "rb") as raw:
        assert not raw.read().startswith(b"%PDF")
    download = client_for("panel").get(reverse("panel-document-download", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert client_for("staff").get(reverse("panel-document-download", args=[document.pk])).status_code == 404


def test_reading_a_consultation_is_audited_and_needs_sharing(client_for, officer, panel_member):
    """The summary is shown only once shared; each reading leaves a view event."""
    c = services.consultation_open(
        actor=officer, kind="determination_review", title="Review", summary="Confidential facts"
    )
    panel = client_for("panel")
    assert panel.get(reverse("panel-consultation-detail", args=[c.pk])).status_code == 404
    assert "Review" not in panel.get(reverse("panel-consultations")).content.decode()
    services.consultation_share(actor=officer, consultation_id=c.pk, users=[panel_member])
    response = panel.get(reverse("panel-consultation-detail", args=[c.pk]))
    assert "Confidential facts" in response.content.decode()
    assert AuditEvent.objects.filter(
        action="view", object_type="panel.consultation", actor=panel_member
    ).exists()


def test_annual_reports_are_received_and_reviewed(officer, panel_member):
    """A report is recorded once per office and year and reviewed with recommendations."""
    from ethics_office.base.errors import ApplicationError

    office = services.member_office_create(
        actor=officer, code="unicef", name="UNICEF", valid_from=dt.date(2008, 1, 1)
    )
    report = services.annual_report_receive(
        actor=officer, office=office, year=2025, received_on=dt.date(2026, 2, 1)
    )
    with pytest.raises(ApplicationError):
        services.annual_report_receive(
            actor=officer, office=office, year=2025, received_on=dt.date(2026, 2, 2)
        )
    with pytest.raises(ApplicationError):
        services.annual_report_review(
            actor=officer, report_id=report.pk, reviewed_on=dt.date(2026, 1, 1), recommendations="x"
        )
    services.annual_report_review(
        actor=officer,
        report_id=report.pk,
        reviewed_on=dt.date(2026, 3, 1),
        recommendations="Train more staff.",
    )
    report.refresh_from_db()
    assert report.recommendations == "Train more staff."
    assert PanelMeeting.objects.count() == 0


def test_approved_minutes_freeze_the_meetings_record(officer):
    """Once the minutes are approved, agenda items, decisions and attendance cannot change."""
    from ethics_office.base.errors import ApplicationError

    meeting = services.meeting_create(actor=officer, date=dt.date(2026, 1, 20), kind="formal")
    item = services.agenda_item_add(actor=officer, meeting_id=meeting.pk, title="Item")
    services.meeting_minutes_transition(actor=officer, meeting_id=meeting.pk, to="draft", text="Met.")
    services.meeting_minutes_transition(actor=officer, meeting_id=meeting.pk, to="approved")
    with pytest.raises(ApplicationError):
        services.agenda_item_add(actor=officer, meeting_id=meeting.pk, title="Late item")
    with pytest.raises(ApplicationError):
        services.agenda_item_decide(actor=officer, item_id=item.pk, decision="Changed")
    with pytest.raises(ApplicationError):
        services.meeting_attendance_set(actor=officer, meeting_id=meeting.pk, offices=[], note="x")
    assert meeting.agenda_items.count() == 1
