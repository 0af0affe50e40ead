"""Anonymous questions: the receipt code, the thread, the throttle, no address kept anywhere."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from advisory import services
from advisory.models import AdviceAttachment, AdviceMessage, AdviceRequest, Status
from advisory.services.anonymous import ALPHABET, receipt_normalise
from ethics_office.audit.models import AuditEvent
from ethics_office.intake.models import Channel
from ethics_office.outbox.models import OutboxMessage

ADDRESS = "203.0.113.77"


def _ask(category="outside_activities", question="May I accept a gift from a vendor?", files=()):
    return services.anonymous_question_ask(category=category, question=question, files=files)


def _no_address_anywhere():
    """Neither the audit trail nor any advisory/intake row holds the client address."""
    assert not AuditEvent.objects.filter(client_address=ADDRESS).exists()
    with connection.cursor() as cursor:
        for table in ("advisory_advicerequest", "advisory_advicemessage", "intake_servicerequest"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            assert ADDRESS not in repr(cursor.fetchall())


@pytest.mark.django_db
def test_ask_enters_the_register_with_a_receipt_stored_only_as_a_hash(people):
    """The question is an advice request on channel anonymous_web; the code is not stored in clear."""
    req, code = _ask()
    assert len(code.replace("-", "")) >= 16 and all(ch in ALPHABET for ch in code.replace("-", ""))
    assert [len(g) for g in code.split("-")] == [4, 4, 4, 4, 4]
    req.refresh_from_db()
    assert req.service_request.channel == Channel.ANONYMOUS_WEB
    assert req.service_request.requester is None
    assert req.service_request.entity is None and req.service_request.duty_station is None
    assert req.receipt_lookup == code[:4]
    assert code not in req.receipt_hash and code[5:] not in req.receipt_hash
    assert req.status == Status.RECEIVED
    assert services.anonymous_thread_open(receipt=code).pk == req.pk
    # Lower case, without dashes, is the same code.
    assert services.anonymous_thread_open(receipt=code.replace("-", "").lower()).pk == req.pk


@pytest.mark.django_db
def test_a_wrong_code_is_404(people):
    from django.http import Http404

    req, code = _ask()
    wrong = code[:5] + ("2" if code[5] != "2" else "3") + code[6:]
    for bad in (wrong, "", "nonsense", code[:4]):
        with pytest.raises(Http404):
            services.anonymous_thread_open(receipt=bad)
    assert receipt_normalise("0OIL-" * 5) is None


@pytest.mark.django_db
def test_requester_writes_officer_is_told_and_queue_marked(people):
    """The assigned officer gets a content-free e-mail; the request is marked until the office replies."""
    req, code = _ask()
    services.advice_request_assign(actor=people["officer"], request_id=req.pk, officer=people["officer"])
    services.advice_message_post(actor=people["officer"], request_id=req.pk, body="Which vendor?")
    services.advice_request_transition(
        actor=people["officer"], request_id=req.pk, to=Status.AWAITING_REQUESTER
    )
    services.anonymous_message_post(receipt=code, body="Acme Ltd, a pen worth 20 dollars.")
    req.refresh_from_db()
    assert req.status == Status.IN_PROGRESS
    assert req.requester_wrote_at is not None
    message = AdviceMessage.objects.get(request=req, from_office=False)
    assert message.author is None
    mail = OutboxMessage.objects.get(kind="advisory.requester_message")
    assert mail.to == [people["officer"].email]
    assert "Acme" not in mail.body and "Acme" not in mail.subject
    assert req.service_request.ref in mail.subject
    # No e-mail to the anonymous person: nobody to send it to.
    assert not OutboxMessage.objects.filter(kind="advisory.reply_notice").exists()
    services.advice_message_post(
        actor=people["officer"], request_id=req.pk, body="Thank you, you may keep it."
    )
    req.refresh_from_db()
    assert req.requester_wrote_at is None


@pytest.mark.django_db
def test_signed_in_requester_writing_notifies_the_officer(in_progress, people):
    services.advice_message_post(actor=people["staff"], request_id=in_progress.pk, body="Here is more.")
    in_progress.refresh_from_db()
    assert in_progress.requester_wrote_at is not None
    mail = OutboxMessage.objects.get(kind="advisory.requester_message")
    assert mail.to == [people["officer"].email]
    assert "Here is more" not in mail.body


@pytest.mark.django_db
def test_closed_request_takes_no_more_messages(people):
    from ethics_office.base.errors import ApplicationError

    req, code = _ask()
    AdviceRequest.objects.filter(pk=req.pk).update(status=Status.CLOSED)
    with pytest.raises(ApplicationError):
        services.anonymous_message_post(receipt=code, body="More")


def _jpeg_with_exif() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (8, 8), "red")
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"  # Make
    exif[0x013B] = "Jane Whistle"  # Artist
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def _pdf_with_metadata() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    writer.add_metadata({"/Author": "Jane Whistle", "/Creator": "SecretWordProcessor"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.django_db
def test_attachments_lose_their_metadata(people):
    """EXIF of a JPEG and /Info of a PDF are gone from the stored files."""
    jpeg, pdf = _jpeg_with_exif(), _pdf_with_metadata()
    assert b"Jane Whistle" in jpeg and b"Jane Whistle" in pdf
    req, _code = _ask(
        files=[
            SimpleUploadedFile("photo.jpg", jpeg, content_type="image/jpeg"),
            SimpleUploadedFile("letter.pdf", pdf, content_type="application/pdf"),
        ]
    )
    stored = {a.content_type: a for a in AdviceAttachment.objects.filter(request=req)}
    assert set(stored) == {"image/jpeg", "application/pdf"}
    for attachment in stored.values():
        assert attachment.uploaded_by is None
        with attachment.file.open("rb") as f:
            data = f.read()
        assert b"Jane Whistle" not in data and b"Secret" not in data


# --- API ---------------------------------------------------------------------------------------


def _post(client, name, data):
    return client.post(reverse(name), data, content_type="application/json", REMOTE_ADDR=ADDRESS)


@pytest.mark.django_db
def test_api_ask_read_write_without_an_account(client, people):
    """201 with id/ref/receipt; the thread answers 200 with the office's reply; a message is added."""
    response = _post(
        client, "api-advice-anonymous", {"category": "outside_activities", "question": "A gift?"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"id", "ref", "receipt"}
    req = AdviceRequest.objects.get(pk=body["id"])
    assert req.service_request.ref == body["ref"]
    services.advice_request_assign(actor=people["officer"], request_id=req.pk, officer=people["officer"])
    services.advice_message_post(actor=people["officer"], request_id=req.pk, body="You may not accept it.")
    thread = _post(client, "api-advice-anonymous-thread", {"receipt": body["receipt"]})
    assert thread.status_code == 200
    assert thread.json()["ref"] == body["ref"]
    assert [m["body"] for m in thread.json()["messages"]] == ["You may not accept it."]
    added = _post(client, "api-advice-anonymous-messages", {"receipt": body["receipt"], "body": "Thanks."})
    assert added.status_code == 201
    assert [m.body for m in AdviceMessage.objects.filter(request=req, from_office=False)] == ["Thanks."]
    _no_address_anywhere()


@pytest.mark.django_db
def test_api_wrong_code_is_404_and_bad_category_400(client, people):
    _req, code = _ask()
    wrong = code[:-1] + ("2" if code[-1] != "2" else "3")
    assert _post(client, "api-advice-anonymous-thread", {"receipt": wrong}).status_code == 404
    assert _post(client, "api-advice-anonymous-messages", {"receipt": wrong, "body": "x"}).status_code == 404
    assert _post(client, "api-advice-anonymous", {"category": "nope", "question": "x"}).status_code == 400
    too_long = "x" * 20_001
    assert (
        _post(
            client, "api-advice-anonymous", {"category": "outside_activities", "question": too_long}
        ).status_code
        == 400
    )


@pytest.mark.django_db
def test_api_receipt_use_is_throttled_per_address(client, people, settings):
    """Past the rate, the look-up answers 429 even for the right code; another address is not affected."""
    settings.ADVICE_ANONYMOUS_RATES = {"anonymous_receipt": "3/hour"}
    _req, code = _ask()
    for _i in range(3):
        assert (
            _post(client, "api-advice-anonymous-thread", {"receipt": "2222-2222-2222-2222-2222"}).status_code
            == 404
        )
    assert _post(client, "api-advice-anonymous-thread", {"receipt": code}).status_code == 429
    other = client.post(
        reverse("api-advice-anonymous-thread"),
        {"receipt": code},
        content_type="application/json",
        REMOTE_ADDR="198.51.100.9",
    )
    assert other.status_code == 200
    from django.core.cache import cache

    keys = [k for k in cache.keys("*")] if hasattr(cache, "keys") else []
    assert not any(ADDRESS in str(k) for k in keys)


@pytest.mark.django_db
def test_api_audit_rows_hold_no_address_or_account(client, people):
    """Every event written for an anonymous call has no address and no actor."""
    before = AuditEvent.objects.count()
    response = _post(client, "api-advice-anonymous", {"category": "outside_activities", "question": "Q"})
    assert response.status_code == 201
    _post(client, "api-advice-anonymous-thread", {"receipt": response.json()["receipt"]})
    events = list(AuditEvent.objects.order_by("id")[before:])
    assert events
    assert all(e.client_address is None and e.actor_id is None for e in events)
    _no_address_anywhere()


@pytest.mark.django_db
def test_api_schema_documents_the_anonymous_endpoints(client_for):
    schema = client_for("staff").get(reverse("api-schema"), {"format": "json"}).json()
    for path in (
        "/api/advisory/anonymous/",
        "/api/advisory/anonymous/thread/",
        "/api/advisory/anonymous/thread/messages/",
    ):
        assert "post" in schema["paths"][path]


# --- Pages ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pages_ask_then_read_with_the_code(client, people):
    page = client.get(reverse("advisory-anonymous-ask"))
    assert page.status_code == 200
    response = client.post(
        reverse("advisory-anonymous-ask"),
        {"category": "outside_activities", "question": "May I sit on a board?"},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 200
    code = response.context["receipt"]
    assert code in response.content.decode()
    req = AdviceRequest.objects.get(service_request__channel=Channel.ANONYMOUS_WEB)
    services.advice_request_assign(actor=people["officer"], request_id=req.pk, officer=people["officer"])
    services.advice_message_post(actor=people["officer"], request_id=req.pk, body="Ask your head of office.")
    thread = client.post(reverse("advisory-anonymous-thread"), {"receipt": code}, REMOTE_ADDR=ADDRESS)
    assert thread.status_code == 200
    assert "Ask your head of office." in thread.content.decode()
    wrong = client.post(reverse("advisory-anonymous-thread"), {"receipt": "2222-2222-2222-2222-2222"})
    assert wrong.status_code == 404
    sent = client.post(reverse("advisory-anonymous-message"), {"receipt": code, "body": "Thank you."})
    assert sent.status_code == 200 and "Thank you." in sent.content.decode()
    _no_address_anywhere()
    from django.contrib.sessions.models import Session

    assert not Session.objects.exists()  # nothing about the visitor is kept server-side


@pytest.mark.django_db
def test_annual_report_counts_anonymous_questions_as_not_stated(people):
    """An anonymous question is a service request of its category, with source "not stated"."""
    from django.utils import timezone

    from reports.queries import Period, figure_3_service_requests_by_source, figure_4_advice_by_category

    today = timezone.localdate()
    period = Period(today.year if today.month >= 8 else today.year - 1)
    before3, before4 = figure_3_service_requests_by_source(period), figure_4_advice_by_category(period)
    assert "not_stated" not in before3 and "not_stated" not in before4
    _ask()
    after3, after4 = figure_3_service_requests_by_source(period), figure_4_advice_by_category(period)
    assert after3["not_stated"] == 1 and after3["away"] == before3["away"]
    assert after4["not_stated"] == 1
    assert after4["by_category"]["outside_activities"] == before4["by_category"]["outside_activities"] + 1


@pytest.mark.django_db
def test_queue_marks_a_new_reply_from_the_requester(client_for, people):
    """The officers' queue shows "New reply from requester" until the office answers; the requester is "Anonymous"."""
    req, code = _ask()
    services.advice_request_assign(actor=people["officer"], request_id=req.pk, officer=people["officer"])
    client = client_for("officer")
    assert "New reply from requester" not in client.get(reverse("advisory-queue")).content.decode()
    services.anonymous_message_post(receipt=code, body="One more detail.")
    body = client.get(reverse("advisory-queue")).content.decode()
    assert "New reply from requester" in body and "Anonymous" in body
    services.advice_message_post(actor=people["officer"], request_id=req.pk, body="Noted.")
    assert "New reply from requester" not in client.get(reverse("advisory-queue")).content.decode()
