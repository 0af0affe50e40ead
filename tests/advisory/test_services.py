"""Services: intake, assignment, the thread, notes, outcome, vendor, precedents, e-mail."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from advisory import services
from advisory.models import AdviceAttachment, AdviceRequest, Outcome, Precedent, Status, VendorRecommendation
from advisory.selectors import advice_requests_visible_to
from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.errors import ApplicationError
from ethics_office.intake.models import ServiceRequest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _events(obj, action):
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action)


@pytest.mark.django_db
def test_staff_submit_registers_a_service_request_with_a_reference(ask, people):
    """Asking for advice enters the shared register (ADV-YYYY-NNNN) and the advice request, both audited."""
    req = ask(people["staff"])
    sr = req.service_request
    assert sr.ref.startswith("ADV-")
    assert sr.category.code == "advice"
    assert sr.requester.user == people["staff"]
    assert sr.channel == "web"
    assert req.status == Status.RECEIVED
    assert _events(req, Action.CREATE).exists()


@pytest.mark.django_db
def test_attachments_are_saved_encrypted_and_readable_through_the_gate(people, settings):
    """A PDF attachment is stored encrypted on disk and opens through the gate as the original bytes."""
    upload = SimpleUploadedFile("letter.pdf", PDF, content_type="application/pdf")
    req = services.advice_request_submit(
        actor=people["staff"], category="gifts_honours_awards", question="A gift?", files=[upload]
    )
    attachment = req.attachments.get()
    assert attachment.content_type == "application/pdf"
    with open(attachment.file.path, "rb") as raw:
        assert PDF not in raw.read()
    opened = services.attachment_open(actor=people["staff"], pk=attachment.pk)
    assert opened.file.open("rb").read() == PDF
    with pytest.raises(Http404):
        services.attachment_open(actor=people["staff2"], pk=attachment.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "limit", "words"),
    [
        ("big.pdf", PDF + b"0" * 2000, 1000, "at most"),
        ("invoice.pdf", b"MZ\x90\x00 this is an executable", 10_000_000, "not a PDF"),
    ],
)
def test_too_large_or_disguised_uploads_are_refused_and_nothing_is_saved(
    people, settings, name, content, limit, words
):
    """One bad file refuses the whole submission with a message naming the file; no rows, no files."""
    settings.UPLOAD_MAX_BYTES = limit
    good = SimpleUploadedFile("ok.pdf", PDF)
    bad = SimpleUploadedFile(name, content)
    with pytest.raises(ApplicationError) as err:
        services.advice_request_submit(
            actor=people["staff"], category="other", question="Q", files=[good, bad]
        )
    assert name in str(err.value.message) and words in str(err.value.message)
    assert AdviceRequest.objects.count() == 0
    assert ServiceRequest.objects.count() == 0
    assert AdviceAttachment.objects.count() == 0
    root = settings.PRIVATE_MEDIA_ROOT
    assert not root.exists() or not any(p.is_file() for p in root.rglob("*"))


@pytest.mark.django_db
def test_officer_records_a_phone_request_on_behalf_of_a_requester(people):
    """An officer records a helpline call for `staff2`; it is in the register with the helpline channel."""
    person = people["staff2"].person
    req = services.advice_request_record(
        actor=people["officer"],
        requester=person,
        intake_category="advice",
        category="employment",
        question="Called about a relative's job.",
        channel="helpline",
        received=dt.date.today() - dt.timedelta(days=1),
    )
    assert req.service_request.channel == "helpline"
    assert req.service_request.requester == person
    assert req in advice_requests_visible_to(people["staff2"])


@pytest.mark.django_db
def test_policy_support_requests_have_no_advice_category(people):
    """A department's policy-support request goes in the register as standard setting, without a category."""
    req = services.advice_request_record(
        actor=people["officer"],
        requester=None,
        intake_category="standard_setting",
        category="other",
        question="Review of the draft gifts policy.",
        channel="email",
    )
    assert req.category is None
    assert req.service_request.category.code == "standard_setting"
    assert req.service_request.ref.startswith("SS-")


@pytest.mark.django_db
def test_staff_cannot_record_on_behalf_of_others(people):
    """Recording on someone's behalf is the office's work."""
    with pytest.raises(Http404):
        services.advice_request_record(
            actor=people["staff"],
            requester=people["staff2"].person,
            intake_category="advice",
            category="other",
            question="x",
            channel="email",
        )


@pytest.mark.django_db
def test_the_director_reassigns_and_the_permission_moves(assigned, people):
    """Reassignment revokes the first officer's object permission and grants the second's, audited."""
    services.advice_request_assign(
        actor=people["director"], request_id=assigned.pk, officer=people["officer2"]
    )
    assigned.refresh_from_db()
    assert assigned.assigned_to == people["officer2"]
    officer = type(people["officer"]).objects.get(pk=people["officer"].pk)
    officer2 = type(people["officer2"]).objects.get(pk=people["officer2"].pk)
    assert not officer.has_perm("advisory.handle_advicerequest", assigned)
    assert officer2.has_perm("advisory.handle_advicerequest", assigned)
    assert _events(assigned, Action.PERMISSION_CHANGE).count() == 3
    assert assigned not in advice_requests_visible_to(people["officer"])


@pytest.mark.django_db
def test_an_officer_cannot_take_a_colleagues_request(assigned, people):
    """Only the Director reassigns; `officer2` does not even see `officer`'s request."""
    with pytest.raises(Http404):
        services.advice_request_assign(
            actor=people["officer2"], request_id=assigned.pk, officer=people["officer2"]
        )


@pytest.mark.django_db
def test_only_officers_can_be_assigned(ask, people):
    req = ask()
    with pytest.raises(ApplicationError):
        services.advice_request_assign(actor=people["director"], request_id=req.pk, officer=people["staff2"])


@pytest.mark.django_db
def test_an_office_reply_emails_the_requester_without_its_content(
    assigned, people, django_capture_on_commit_callbacks
):
    """The officer's reply sends `staff` an e-mail with the reference and a link, never the reply itself."""
    secret = "You may accept the award but must hand the cash prize to the Organization."
    with django_capture_on_commit_callbacks(execute=True):
        services.advice_message_post(actor=people["officer"], request_id=assigned.pk, body=secret)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people["staff"].person.email]
    assert assigned.service_request.ref in message.subject
    assert "cash prize" not in message.body and "award" not in message.body
    assert f"/advisory/requests/{assigned.pk}/" in message.body


@pytest.mark.django_db
def test_the_advice_given_is_never_in_the_email(in_progress, people, django_capture_on_commit_callbacks):
    """Recording the advice tells the requester an answer waits; the advice text stays out of the e-mail."""
    advice = "Teaching one evening course a term is compatible with your duties."
    with django_capture_on_commit_callbacks(execute=True):
        services.advice_request_conclude(
            actor=people["officer"], request_id=in_progress.pk, outcome=Outcome.ADVISED, advice=advice
        )
    in_progress.refresh_from_db()
    assert in_progress.status == Status.ADVISED
    assert in_progress.advised_at is not None
    assert len(mail.outbox) == 1
    assert "evening course" not in mail.outbox[0].body


@pytest.mark.django_db
def test_a_requester_message_tells_only_the_officer_and_resumes_work(
    in_progress, people, django_capture_on_commit_callbacks
):
    """When `staff` answers an officer's question, the request goes back to "in progress"; the
    assigned officer alone gets an e-mail, without the message."""
    services.advice_request_transition(
        actor=people["officer"], request_id=in_progress.pk, to=Status.AWAITING_REQUESTER
    )
    with django_capture_on_commit_callbacks(execute=True):
        msg = services.advice_message_post(
            actor=people["staff"], request_id=in_progress.pk, body="Here it is."
        )
    assert not msg.from_office
    assert [m.to for m in mail.outbox] == [[people["officer"].email]]
    assert "Here it is." not in mail.outbox[0].body
    assert AdviceRequest.objects.get(pk=in_progress.pk).status == Status.IN_PROGRESS


@pytest.mark.django_db
def test_outcome_referred_needs_to_whom(in_progress, people):
    """ "Referred elsewhere" must say where; then it is recorded."""
    with pytest.raises(ApplicationError):
        services.advice_request_conclude(
            actor=people["officer"], request_id=in_progress.pk, outcome=Outcome.REFERRED
        )
    services.advice_request_conclude(
        actor=people["officer"], request_id=in_progress.pk, outcome=Outcome.REFERRED, referred_to="Ombudsman"
    )
    in_progress.refresh_from_db()
    assert (in_progress.outcome, in_progress.referred_to) == (Outcome.REFERRED, "Ombudsman")


@pytest.mark.django_db
def test_outcome_withdrawn_withdraws(in_progress, people):
    services.advice_request_conclude(
        actor=people["officer"], request_id=in_progress.pk, outcome=Outcome.WITHDRAWN
    )
    assert AdviceRequest.objects.get(pk=in_progress.pk).status == Status.WITHDRAWN


@pytest.mark.django_db
def test_procurement_vendor_and_recommendation_are_recorded(people):
    """A procurement request records the vendor and the office's recommendation, audited."""
    req = services.advice_request_submit(actor=people["staff"], category="procurement", question="Vendor X?")
    services.advice_request_assign(actor=people["officer"], request_id=req.pk, officer=people["officer"])
    services.advice_request_vendor_set(
        actor=people["officer"],
        request_id=req.pk,
        vendor_name="Acme Supplies Ltd",
        recommendation=VendorRecommendation.REINSTATE,
        note="Remedial measures in place.",
    )
    req.refresh_from_db()
    assert req.vendor_name == "Acme Supplies Ltd"
    assert req.vendor_recommendation == VendorRecommendation.REINSTATE
    assert _events(req, Action.UPDATE).filter(fields__contains=["vendor_name"]).exists()


@pytest.mark.django_db
def test_precedents_come_from_answered_advice_only(in_progress, people):
    """A precedent needs advice already given; then officers find it by category and words."""
    with pytest.raises(ApplicationError):
        services.precedent_publish(
            actor=people["officer"],
            category="outside_activities",
            title="T",
            summary="S",
            source_id=in_progress.pk,
        )
    services.advice_request_conclude(
        actor=people["officer"], request_id=in_progress.pk, outcome=Outcome.ADVISED, advice="Yes."
    )
    services.precedent_publish(
        actor=people["officer"],
        category="outside_activities",
        title="Teaching at a university",
        summary="A staff member may teach one evening course with prior approval.",
        source_id=in_progress.pk,
    )
    from advisory.selectors import precedent_search

    assert (
        precedent_search(people["officer2"], category="outside_activities", words="evening course").count()
        == 1
    )
    assert precedent_search(people["officer2"], words="pension").count() == 0
    assert precedent_search(people["staff"], words="evening").count() == 0
    assert Precedent.objects.count() == 1


@pytest.mark.django_db
def test_opening_a_request_is_audited(assigned, people):
    """Opening a request leaves a VIEW event naming who looked (every page: tests/access/test_audited_views.py)."""
    services.advice_request_open(actor=people["director"], pk=assigned.pk)
    event = _events(assigned, Action.VIEW).get()
    assert event.actor == people["director"]


@pytest.mark.django_db
def test_only_administrators_edit_the_roadmap(people):
    from advisory.models import RoadmapEntry

    entry = RoadmapEntry.objects.first()
    with pytest.raises(PermissionDenied):
        services.roadmap_entry_save(actor=people["officer"], entry=entry, data={"name_zh": "x"})
    services.roadmap_entry_save(actor=people["admin"], entry=entry, data={"name_zh": "新名称"})
    entry.refresh_from_db()
    assert entry.name_zh == "新名称"


@pytest.mark.django_db
def test_a_precedent_naming_the_requester_is_refused(in_progress, people):
    """The summary may not carry the requester's name or index number."""
    services.advice_request_conclude(
        actor=people["officer"], request_id=in_progress.pk, outcome="advised", advice="Y"
    )
    for text in ("Amina Okafor asked about teaching.", "Staff member D000001 asked.", "Okafor asked."):
        with pytest.raises(ApplicationError):
            services.precedent_publish(
                actor=people["officer"], category="other", title="T", summary=text, source_id=in_progress.pk
            )
    assert Precedent.objects.count() == 0
