"""Pages: asking, the requester's page, the case page, the queue, precedents, the Roadmap."""

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from advisory import services
from advisory.models import AdviceAttachment, AdviceRequest, Status
from ethics_office.audit.models import Action, AuditEvent
from ethics_office.intake.models import ServiceRequest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db
def test_ask_page_lists_categories_with_descriptions(client_for):
    """Each category is offered with its plain description."""
    response = client_for("staff").get(reverse("advisory-ask"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Outside activities" in body
    assert "Activities outside your UN duties" in body


@pytest.mark.django_db
def test_asking_shows_the_reference_and_what_happens_next(client_for):
    """Submitting the form leads to a confirmation page with the reference."""
    client = client_for("staff")
    response = client.post(
        reverse("advisory-ask"),
        {
            "category": "gifts_honours_awards",
            "question": "A vendor sent me a hamper.",
            "attachments": [SimpleUploadedFile("photo.pdf", PDF)],
        },
    )
    req = AdviceRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("advisory-submitted", kwargs={"pk": req.pk})
    page = client.get(response.url).content.decode()
    assert req.service_request.ref in page
    assert "What happens next" in page
    assert req.attachments.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "limit", "words"),
    [(PDF + b"x" * 5000, 1000, "at most"), (b"<?php echo 'hi'; ?>", 10_000_000, "not a PDF")],
)
def test_bad_uploads_are_refused_on_the_form_and_nothing_is_saved(
    client_for, settings, content, limit, words
):
    """A too-large or disguised file re-displays the form with a message naming the file; nothing is saved."""
    settings.UPLOAD_MAX_BYTES = limit
    response = client_for("staff").post(
        reverse("advisory-ask"),
        {"category": "other", "question": "Q", "attachments": [SimpleUploadedFile("report.pdf", content)]},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "report.pdf" in body and words in body
    assert AdviceRequest.objects.count() == 0
    assert ServiceRequest.objects.count() == 0
    assert AdviceAttachment.objects.count() == 0


@pytest.mark.django_db
def test_attachment_download_is_gated(client_for, people):
    """The owner downloads the decrypted file; `staff2` gets 404; the download is audited."""
    req = services.advice_request_submit(
        actor=people["staff"], category="other", question="Q", files=[SimpleUploadedFile("a.pdf", PDF)]
    )
    attachment = req.attachments.get()
    url = reverse("advisory-attachment", kwargs={"pk": attachment.pk})
    response = client_for("staff").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert client_for("staff2").get(url).status_code == 404
    assert AuditEvent.objects.filter(
        action=Action.VIEW, object_type="advisory.adviceattachment", object_id=str(attachment.pk)
    ).exists()


@pytest.mark.django_db
def test_requester_never_sees_internal_notes(in_progress, client_for, people):
    """The case page shows the note to the officer; the requester's page never does."""
    services.internal_note_add(
        actor=people["officer"], request_id=in_progress.pk, body="Requester seems anxious."
    )
    services.advice_message_post(
        actor=people["officer"], request_id=in_progress.pk, body="Could you send the offer?"
    )
    url = reverse("advisory-request-detail", kwargs={"pk": in_progress.pk})
    officer_page = client_for("officer").get(url).content.decode()
    staff_page = client_for("staff").get(url).content.decode()
    assert "Requester seems anxious." in officer_page
    assert "Requester seems anxious." not in staff_page
    assert "Internal notes" not in staff_page
    assert "Could you send the offer?" in staff_page


@pytest.mark.django_db
def test_officer_flow_through_the_case_page(ask, client_for, people, django_capture_on_commit_callbacks):
    """Assign to self, reply, record the advice: the requester sees it and was e-mailed without it."""
    req = ask()
    officer = client_for("officer")
    base = {"pk": req.pk}
    officer.post(reverse("advisory-assign", kwargs=base), {"officer": people["officer"].pk})
    officer.post(reverse("advisory-transition", kwargs=base), {"to": Status.IN_PROGRESS})
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(
            reverse("advisory-outcome", kwargs=base),
            {"outcome": "advised", "advice": "Teaching is fine with approval.", "referred_to": ""},
        )
    req.refresh_from_db()
    assert req.status == Status.ADVISED and req.assigned_to == people["officer"]
    staff_page = client_for("staff").get(reverse("advisory-request-detail", kwargs=base)).content.decode()
    assert "Teaching is fine with approval." in staff_page
    assert len(mail.outbox) == 1 and "Teaching" not in mail.outbox[0].body


@pytest.mark.django_db
def test_a_refused_action_comes_back_as_a_message(in_progress, client_for):
    """An officer asking for an impossible transition stays on the page with an explanation."""
    client = client_for("officer")
    response = client.post(
        reverse("advisory-transition", kwargs={"pk": in_progress.pk}), {"to": Status.CLOSED}, follow=True
    )
    assert "cannot become" in response.content.decode()
    assert AdviceRequest.objects.get(pk=in_progress.pk).status == Status.IN_PROGRESS


@pytest.mark.django_db
def test_queue_highlights_overdue_requests(ask, client_for, people):
    late = ask(people["staff2"])
    ServiceRequest.objects.filter(pk=late.service_request_id).update(
        received=dt.date.today() - dt.timedelta(days=45)
    )
    body = client_for("officer").get(reverse("advisory-queue")).content.decode()
    assert late.service_request.ref in body
    assert 'class="overdue"' in body
    assert "Acknowledgement overdue" in body


@pytest.mark.django_db
def test_officer_records_on_behalf(client_for, people):
    response = client_for("officer").post(
        reverse("advisory-record"),
        {
            "requester_index": "D000002",
            "intake_category": "advice",
            "category": "conflict_of_interest",
            "channel": "helpline",
            "received": dt.date.today().isoformat(),
            "question": "Caller asks about a board seat.",
        },
    )
    req = AdviceRequest.objects.get()
    assert response.status_code == 302
    assert req.service_request.requester.user == people["staff2"]
    assert req.service_request.channel == "helpline"


@pytest.mark.django_db
def test_precedent_publish_and_search_pages(in_progress, client_for, people):
    services.advice_request_conclude(
        actor=people["officer"], request_id=in_progress.pk, outcome="advised", advice="Y"
    )
    client = client_for("officer")
    response = client.post(
        reverse("advisory-precedent-create") + f"?source={in_progress.pk}",
        {"category": "outside_activities", "title": "Evening teaching", "summary": "Allowed with approval."},
    )
    assert response.status_code == 302
    listing = client_for("officer2").get(reverse("advisory-precedents"), {"q": "teaching"}).content.decode()
    assert "Evening teaching" in listing
    assert client_for("staff").get(reverse("advisory-precedents")).status_code == 404


@pytest.mark.django_db
def test_roadmap_is_bilingual_and_administrators_edit_it(client_for):
    """Every signed-in user reads the Roadmap; an administrator edits an entry's Chinese text."""
    from advisory.models import RoadmapEntry

    client = client_for("staff")
    assert "Ombudsman" in client.get(reverse("advisory-roadmap")).content.decode()
    zh = client_for("staff")
    zh.cookies.load({"django_language": "zh-hans"})
    assert "监察员" in zh.get(reverse("advisory-roadmap"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    entry = RoadmapEntry.objects.get(name="Ethics Office")
    data = {
        f: getattr(entry, f) for f in ["name", "handles", "handles_zh", "contact", "contact_zh", "ordering"]
    }
    data["name_zh"] = "道德操守办公室（纽约）"
    response = client_for("admin").post(reverse("advisory-roadmap-edit", kwargs={"pk": entry.pk}), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.name_zh == "道德操守办公室（纽约）"
    assert client.post(reverse("advisory-roadmap-edit", kwargs={"pk": entry.pk}), data).status_code == 404


@pytest.mark.django_db
def test_nav_and_home_panels_by_role(client_for, ask):
    ask()
    staff_home = client_for("staff").get(reverse("home")).content.decode()
    assert reverse("advisory-ask") in staff_home and reverse("advisory-my-requests") in staff_home
    assert reverse("advisory-queue") not in staff_home
    officer_home = client_for("officer").get(reverse("home")).content.decode()
    assert reverse("advisory-queue") in officer_home and reverse("advisory-precedents") in officer_home
    assert "Waiting for triage: 1" in officer_home
    assert reverse("advisory-roadmap") in client_for("reviewer").get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_officer_home_counts_requester_replies_linked_to_the_filtered_queue(
    in_progress, ask, client_for, people
):
    """Requests assigned to the officer where the requester wrote last: counted on the home page,
    linked to the queue filtered on them; the office's answer clears the mark."""
    officer = people["officer"]
    quiet = services.advice_request_assign(
        actor=officer, request_id=ask(people["staff2"], question="A quiet question").pk, officer=officer
    )
    services.advice_message_post(actor=people["staff"], request_id=in_progress.pk, body="Here is more.")
    link = reverse("advisory-queue") + f"?officer={officer.pk}&amp;replied=on"
    home = client_for("officer").get(reverse("home")).content.decode()
    assert "Requester replied: 1" in home and link in home
    queue = client_for("officer").get(reverse("advisory-queue"), {"officer": officer.pk, "replied": "on"})
    page = queue.content.decode()
    assert in_progress.service_request.ref in page and quiet.service_request.ref not in page
    assert "Requester replied: 0" in client_for("director").get(reverse("home")).content.decode()
    services.advice_message_post(actor=officer, request_id=in_progress.pk, body="Thank you.")
    assert "Requester replied: 0" in client_for("officer").get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_recording_on_behalf_may_override_entity_and_duty_station(client_for):
    """Entity and duty station come from the requester unless the officer overrides them."""
    from ethics_office.organisation.models import DutyStation, Entity

    station = DutyStation.objects.exclude(code="GVA").first()
    entity = Entity.objects.exclude(code="UNOG").first()
    client_for("officer").post(
        reverse("advisory-record"),
        {
            "requester_index": "D000002",
            "intake_category": "advice",
            "category": "other",
            "channel": "email",
            "received": dt.date.today().isoformat(),
            "entity": entity.pk,
            "duty_station": station.pk,
            "question": "Sent from a mission.",
        },
    )
    sr = AdviceRequest.objects.get().service_request
    assert (sr.entity, sr.duty_station) == (entity, station)


@pytest.mark.django_db
def test_a_requester_cannot_advance_their_own_request_from_the_page(in_progress, client_for):
    """The refusal is explained; the status stays."""
    response = client_for("staff").post(
        reverse("advisory-transition", kwargs={"pk": in_progress.pk}), {"to": Status.ADVISED}, follow=True
    )
    assert "You may withdraw an open request" in response.content.decode()
    assert AdviceRequest.objects.get(pk=in_progress.pk).status == Status.IN_PROGRESS


@pytest.mark.django_db
def test_requester_sends_a_document_with_a_message(in_progress, client_for):
    """The file sits under its message; `officer` downloads it; a disguised file saves neither."""
    url = reverse("advisory-message-post", kwargs={"pk": in_progress.pk})
    staff = client_for("staff")
    staff.post(url, {"body": "The offer letter.", "attachments": [SimpleUploadedFile("offer.pdf", PDF)]})
    attachment = AdviceAttachment.objects.get(message__isnull=False)
    assert attachment.message.body == "The offer letter."
    page = client_for("officer").get(reverse("advisory-request-detail", kwargs={"pk": in_progress.pk}))
    assert "offer.pdf" in page.content.decode()
    assert (
        client_for("officer").get(reverse("advisory-attachment", kwargs={"pk": attachment.pk})).status_code
        == 200
    )
    response = staff.post(
        url, {"body": "And this.", "attachments": [SimpleUploadedFile("x.pdf", b"MZ not a pdf")]}, follow=True
    )
    assert "x.pdf" in response.content.decode()
    assert in_progress.messages.count() == 1
    assert AdviceAttachment.objects.count() == 1


@pytest.mark.django_db
def test_pages_speak_chinese(client_for, assigned):
    """With Chinese chosen, the ask page, category descriptions and the queue are in Chinese."""
    staff = client_for("staff")
    staff.cookies.load({"django_language": "zh-hans"})
    ask_page = staff.get(reverse("advisory-ask")).content.decode()
    assert "寻求咨询" in ask_page and "外部活动" in ask_page and "联合国职责以外的活动" in ask_page
    officer = client_for("officer")
    officer.cookies.load({"django_language": "zh-hans"})
    queue_page = officer.get(reverse("advisory-queue"), {"status": "all"}).content.decode()
    assert "咨询队列" in queue_page and "已分派" in queue_page
