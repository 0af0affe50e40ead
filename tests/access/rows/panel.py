"""Access to the Panel's pages: the office manages everything; panel members read the Panel's
records and only the consultations shared with them; everyone else gets 404."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from ..matrix import LOGIN, NO_AUTH, Row, expect

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Who reads the Panel's records (pages): officers, the Director and panel members.
READ = expect(404, anonymous=LOGIN, officer=200, officer2=200, director=200, panel=200)
OFFICE_ONLY = expect(404, anonymous=LOGIN, officer=200, officer2=200, director=200)
# Office writes redirect back; panel members may read but not change (the office-only gate: 404).
WRITE = expect(404, anonymous=LOGIN, officer=302, officer2=302, director=302)
API_READ = expect(404, anonymous=NO_AUTH, officer=200, officer2=200, director=200, panel=200)


def build(world):
    from panel import services

    officer = world.users["officer"]
    panel = world.users["panel"]
    world.panel_office = services.member_office_create(
        actor=officer, code="undp", name="UNDP Ethics Office", valid_from=dt.date(2008, 1, 1)
    )
    world.panel_meeting = services.meeting_create(actor=officer, date=dt.date(2026, 3, 5), kind="formal")
    world.panel_item = services.agenda_item_add(
        actor=officer, meeting_id=world.panel_meeting.pk, title="Gifts"
    )
    world.panel_document = services.meeting_document_add(
        actor=officer,
        meeting_id=world.panel_meeting.pk,
        title="Agenda",
        upload=SimpleUploadedFile("agenda.pdf", PDF, content_type="application/pdf"),
    )
    world.panel_shared = services.consultation_open(
        actor=officer, kind="case_consultation", title="Shared case"
    )
    services.consultation_share(actor=officer, consultation_id=world.panel_shared.pk, users=[panel])
    world.panel_unshared = services.consultation_open(
        actor=officer, kind="referral_45_day", title="Unshared referral"
    )
    world.panel_report = services.annual_report_receive(
        actor=officer, office=world.panel_office, year=2025, received_on=dt.date(2026, 2, 1)
    )


def _meeting(w):
    return {"pk": w.panel_meeting.pk}


ROWS = [
    Row("panel-meetings", READ),
    Row("panel-meeting-create", OFFICE_ONLY),
    Row(
        "panel-meeting-create",
        expect(404, anonymous=LOGIN, officer=302, officer2=302, director=302),
        method="POST",
        data=lambda w: {"date": "2026-04-01", "kind": "informal"},
        note="records a meeting",
    ),
    Row("panel-meeting-detail", READ, kwargs=_meeting),
    Row("panel-meeting-item-add", WRITE, method="POST", kwargs=_meeting, data=lambda w: {"title": "Item"}),
    Row(
        "panel-meeting-item-decide",
        WRITE,
        method="POST",
        kwargs=lambda w: {"pk": w.panel_meeting.pk, "item_pk": w.panel_item.pk},
        data=lambda w: {"decision": "Agreed"},
    ),
    Row("panel-meeting-attendance", WRITE, method="POST", kwargs=_meeting, data=lambda w: {"note": "All"}),
    Row(
        "panel-meeting-minutes",
        WRITE,
        method="POST",
        kwargs=_meeting,
        data=lambda w: {"minutes": "Draft text", "action": "draft"},
    ),
    Row(
        "panel-meeting-document-add",
        WRITE,
        method="POST",
        kwargs=_meeting,
        data=lambda w: {"title": "Note", "file": SimpleUploadedFile("n.pdf", PDF)},
    ),
    Row("panel-document-download", READ, kwargs=lambda w: {"pk": w.panel_document.pk}),
    Row("panel-offices", READ),
    Row("panel-office-create", OFFICE_ONLY),
    Row(
        "panel-name-record",
        expect(404, anonymous=LOGIN, officer=302, officer2=302, director=302),
        method="POST",
        data=lambda w: {"name": "Ethics Panel of the United Nations", "valid_from": "2013-01-01"},
    ),
    Row(
        "panel-office-rename",
        WRITE,
        method="POST",
        kwargs=lambda w: {"pk": w.panel_office.pk},
        data=lambda w: {"name": "UNDP Ethics Office (renamed)", "valid_from": "2026-01-01"},
    ),
    Row("panel-consultations", READ),
    Row("panel-consultation-create", OFFICE_ONLY),
    Row(
        "panel-consultation-detail",
        READ,
        kwargs=lambda w: {"pk": w.panel_shared.pk},
        note="shared with panel",
    ),
    Row(
        "panel-consultation-detail",
        OFFICE_ONLY,
        kwargs=lambda w: {"pk": w.panel_unshared.pk},
        note="not shared: 404 for panel",
    ),
    Row(
        "panel-consultation-share",
        WRITE,
        method="POST",
        kwargs=lambda w: {"pk": w.panel_shared.pk},
        data=lambda w: {"users": [w.users["panel"].pk]},
    ),
    Row(
        "panel-consultation-transition",
        WRITE,
        method="POST",
        kwargs=lambda w: {"pk": w.panel_shared.pk},
        data=lambda w: {"to": "closed", "outcome": "advice_given"},
        note="close",
    ),
    Row(
        "panel-consultation-transition",
        expect(404, anonymous=LOGIN, officer=302, officer2=302, director=302),
        method="POST",
        kwargs=lambda w: {"pk": w.panel_unshared.pk},
        data=lambda w: {"to": "closed", "outcome": "advice_given"},
        note="unshared: 404 for panel",
    ),
    Row("panel-reports", READ),
    Row("panel-report-create", OFFICE_ONLY),
    Row(
        "panel-report-review",
        WRITE,
        method="POST",
        kwargs=lambda w: {"pk": w.panel_report.pk},
        data=lambda w: {"reviewed_on": "2026-03-01", "recommendations": "Publish more guidance."},
    ),
    Row("api-panel-meetings", API_READ),
    Row("api-panel-consultations", API_READ),
]
