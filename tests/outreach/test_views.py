import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ethics_office.audit.models import AuditEvent
from outreach.models import CourseCompletionCount, SeniorBriefing, TrainingRequest, TrainingSession

pytestmark = pytest.mark.django_db


def test_the_import_page_lists_bad_rows_and_saves_nothing(client_for, people):
    """An officer uploads a file with a bad row: the page names the line and nothing is saved."""
    csv = b"course,period,count\nintegrity_awareness,2011-2012,5300\nprocurement_ethics,20112012,300\n"
    response = client_for("officer").post(
        reverse("outreach-completion-import"), {"file": SimpleUploadedFile("export.csv", csv)}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert '<td class="num">3</td>' in body and "20112012" in body  # the line, the value
    assert "Nothing was imported" in body
    assert not CourseCompletionCount.objects.exists()


def test_a_good_import_redirects_and_saves(client_for, people):
    """A clean file is imported in full."""
    csv = b"course,period,count\nintegrity_awareness,2011-2012,5300\nprocurement_ethics,2011-2012,300\n"
    response = client_for("officer").post(
        reverse("outreach-completion-import"), {"file": SimpleUploadedFile("export.csv", csv)}
    )
    assert response.status_code == 302
    assert CourseCompletionCount.objects.count() == 2


def test_staff_ask_for_a_session_and_see_only_their_own(client_for, people):
    """`staff` asks for a session; `staff2` does not see it in their list, and gets 404 on it."""
    response = client_for("staff").post(
        reverse("outreach-request-create"),
        {"team": "Budget Unit", "team_size": 9, "message": "Gifts, please"},
    )
    assert response.status_code == 302
    req = TrainingRequest.objects.get()
    assert req.service_request.category.code == "training"
    assert req.service_request.ref in client_for("staff").get(reverse("outreach-requests")).content.decode()
    assert (
        req.service_request.ref not in client_for("staff2").get(reverse("outreach-requests")).content.decode()
    )
    assert client_for("staff2").get(reverse("outreach-request-detail", args=[req.pk])).status_code == 404


def test_the_session_form_records_attendance_by_index_number(client_for, people):
    """Unknown index numbers are named beside the field; a good list sets the headcount."""
    client = client_for("officer")
    data = {"date": "2026-01-05", "kind": "workshop", "duty_station": people["staff"].person.duty_station_id}
    bad = client.post(reverse("outreach-session-create"), {**data, "attendance": "D000001\nNOPE1"})
    assert bad.status_code == 200
    assert "NOPE1" in bad.content.decode()
    assert not TrainingSession.objects.exists()
    good = client.post(reverse("outreach-session-create"), {**data, "attendance": "D000001, D000002"})
    assert good.status_code == 302
    assert TrainingSession.objects.get().participants == 2


def test_reading_a_senior_briefing_is_audited(client_for, people):
    """Each view of a confidential briefing leaves a view event."""
    from outreach.services import senior_briefing_record

    b = senior_briefing_record(
        actor=people["officer"], date=people["officer"].date_joined.date(), official="X Y", level="USG"
    )
    assert isinstance(b, SeniorBriefing)
    response = client_for("director").get(reverse("outreach-briefing-detail", args=[b.pk]))
    assert response.status_code == 200
    assert "X Y" in response.content.decode()
    assert AuditEvent.objects.filter(
        action="view", object_type="outreach.seniorbriefing", object_id=str(b.pk), actor=people["director"]
    ).exists()


def test_the_office_records_the_session_held_for_a_request(client_for, people):
    """Recording a session from a staff request links the two and marks the request scheduled."""
    from outreach.services import training_request_submit

    req = training_request_submit(actor=people["staff"], team="Unit", team_size=4)
    client = client_for("officer")
    form = client.get(reverse("outreach-session-create") + f"?request={req.pk}").content.decode()
    assert f'name="request" value="{req.pk}"' in form
    response = client.post(
        reverse("outreach-session-create"),
        {
            "request": req.pk,
            "date": "2026-02-01",
            "kind": "workshop",
            "duty_station": people["staff"].person.duty_station_id,
            "participants": 4,
        },
    )
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.status == "scheduled"
    assert TrainingSession.objects.get().request == req


def test_an_oversized_export_is_refused(officer, settings):
    """A file over the upload limit is refused before any row is read."""
    from ethics_office.base.errors import ValidationFailed
    from outreach.services import course_completions_import

    settings.UPLOAD_MAX_BYTES = 50
    with pytest.raises(ValidationFailed):
        course_completions_import(
            actor=officer, data=b"course,period,count\n" + b"integrity_awareness,2011-2012,1\n" * 5
        )
    assert not CourseCompletionCount.objects.exists()


def test_the_pages_speak_chinese(client_for, people):
    """With a Chinese browser the outreach and Panel pages are in Chinese."""
    officer = client_for("officer")
    overview = officer.get(reverse("outreach-overview"), HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert "外联概览" in overview and "Outreach overview" not in overview
    meetings = (
        client_for("panel").get(reverse("panel-meetings"), HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    )
    assert "委员会会议" in meetings and "Panel meetings" not in meetings


def test_the_templates_beside_the_upload_form(client_for, people):
    """Both shapes of the export can be downloaded as a header and an example row; the
    per-period one imports as it is."""
    client = client_for("officer")
    url = reverse("outreach-completion-import-template")
    per_person = client.get(url).content.decode().splitlines()
    assert per_person[0] == "course,index_number,completed_on" and len(per_person) == 2
    counts = client.get(url, {"kind": "counts"}).content
    assert counts.decode().splitlines()[0] == "course,period,count"
    response = client.post(
        reverse("outreach-completion-import"), {"file": SimpleUploadedFile("t.csv", counts)}
    )
    assert response.status_code == 302
    assert CourseCompletionCount.objects.get().count == 1250


def test_unknown_attendance_numbers_are_named_by_line_like_every_import(client_for, people):
    """The attendance list reports an unknown index number as every import reports a bad row."""
    client = client_for("officer")
    data = {"date": "2026-01-05", "kind": "workshop", "duty_station": people["staff"].person.duty_station_id}
    bad = client.post(reverse("outreach-session-create"), {**data, "attendance": "D000001\nNOPE1, NOPE2"})
    body = bad.content.decode()
    assert "Line 2: index_number “NOPE1”: expected the index number of a recorded staff member" in body
    assert "Line 2: index_number “NOPE2”" in body
