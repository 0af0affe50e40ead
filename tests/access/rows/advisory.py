"""Access to advice and guidance: a requester sees only their own requests, an officer the
triage queue and their own cases, the Director everything; focal points, reviewers, panel
members and administrators see no one else's request (404)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from ..matrix import LOGIN, NO_AUTH, Row, expect

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

SIGNED_IN = expect(200, anonymous=LOGIN)
STAFF_ROLE = expect(200, anonymous=LOGIN, reviewer=404, panel=404)
OFFICE = expect(404, anonymous=LOGIN, officer=200, officer2=200, director=200)
ADMIN = expect(404, anonymous=LOGIN, admin=200)
# `staff`'s request is assigned to `officer`: only staff, officer and the Director know it exists.
CASE = expect(404, anonymous=LOGIN, staff=200, officer=200, director=200)
CASE_API = expect(404, anonymous=NO_AUTH, staff=200, officer=200, director=200)
# `staff2`'s request is in triage: every officer sees it.
TRIAGE = expect(404, anonymous=LOGIN, staff2=200, officer=200, officer2=200, director=200)
# Page actions redirect back to the request (with a message when the service refuses).
CASE_POST = expect(404, anonymous=LOGIN, staff=302, officer=302, director=302)
OFFICE_POST = expect(404, anonymous=LOGIN, officer=302, director=302)


def build(world):
    from advisory import services
    from advisory.models import RoadmapEntry

    staff, staff2, officer = world.users["staff"], world.users["staff2"], world.users["officer"]
    world.adv_case = services.advice_request_submit(
        actor=staff,
        category="procurement",
        question="A vendor wants to be reinstated.",
        files=[SimpleUploadedFile("vendor.pdf", PDF)],
    )
    services.advice_request_assign(actor=officer, request_id=world.adv_case.pk, officer=officer)
    services.advice_request_transition(actor=officer, request_id=world.adv_case.pk, to="in_progress")
    world.adv_attachment = world.adv_case.attachments.get()
    world.adv_triage = services.advice_request_submit(actor=staff2, category="other", question="Triage me.")
    done = services.advice_request_submit(actor=staff2, category="employment", question="Answered.")
    services.advice_request_assign(actor=officer, request_id=done.pk, officer=officer)
    services.advice_request_conclude(actor=officer, request_id=done.pk, outcome="advised", advice="Yes.")
    world.adv_precedent = services.precedent_publish(
        actor=officer, category="employment", title="Relatives", summary="Anonymised.", source_id=done.pk
    )
    world.adv_anon, world.adv_receipt = services.anonymous_question_ask(
        category="other", question="Asked without an account."
    )
    services.roadmap_defaults_load()  # reference data a transactional test's flush may have removed
    world.adv_roadmap = RoadmapEntry.objects.first()


def _case(w):
    return {"pk": w.adv_case.pk}


def _reset_in_progress(world, role):
    from advisory.models import AdviceRequest

    AdviceRequest.objects.filter(pk=world.adv_case.pk).update(status="in_progress")


def _roadmap_data(w):
    e = w.adv_roadmap
    return {
        f: getattr(e, f)
        for f in ["name", "name_zh", "handles", "handles_zh", "contact", "contact_zh", "ordering"]
    }


ROWS = [
    Row("advisory-roadmap", SIGNED_IN),
    Row("advisory-roadmap-create", ADMIN),
    Row("advisory-roadmap-edit", ADMIN, kwargs=lambda w: {"pk": w.adv_roadmap.pk}),
    Row(
        "advisory-roadmap-edit",
        expect(404, anonymous=LOGIN, admin=302),
        method="POST",
        kwargs=lambda w: {"pk": w.adv_roadmap.pk},
        data=_roadmap_data,
    ),
    Row("advisory-ask", STAFF_ROLE),
    Row(
        "advisory-ask",
        expect(302, reviewer=404, panel=404),
        method="POST",
        data=lambda w: {"category": "other", "question": "Matrix question"},
        note="every staff member may ask",
    ),
    Row("advisory-my-requests", SIGNED_IN),
    Row("advisory-request-detail", CASE, kwargs=_case),
    Row("advisory-request-detail", TRIAGE, kwargs=lambda w: {"pk": w.adv_triage.pk}, note="triage"),
    Row(
        "advisory-submitted",
        expect(404, anonymous=LOGIN, staff=200),
        kwargs=_case,
        note="only the requester",
    ),
    Row("advisory-message-post", CASE_POST, method="POST", kwargs=_case, data=lambda w: {"body": "Hello"}),
    Row("advisory-note-add", OFFICE_POST, method="POST", kwargs=_case, data=lambda w: {"body": "Note"}),
    Row(
        "advisory-assign",
        OFFICE_POST,
        method="POST",
        kwargs=_case,
        data=lambda w: {"officer": w.users["officer"].pk},
    ),
    Row(
        "advisory-transition",
        CASE_POST,
        method="POST",
        kwargs=_case,
        data=lambda w: {"to": "awaiting_requester"},
        setup=_reset_in_progress,
    ),
    Row(
        "advisory-outcome",
        OFFICE_POST,
        method="POST",
        kwargs=_case,
        data=lambda w: {"outcome": "referred", "referred_to": "OIOS", "advice": ""},
        setup=_reset_in_progress,
    ),
    Row(
        "advisory-vendor",
        OFFICE_POST,
        method="POST",
        kwargs=_case,
        data=lambda w: {"vendor_name": "Acme", "recommendation": "monitor", "note": ""},
    ),
    Row("advisory-attachment", CASE, kwargs=lambda w: {"pk": w.adv_attachment.pk}),
    Row("advisory-queue", OFFICE),
    Row("advisory-record", OFFICE),
    Row(
        "advisory-record",
        expect(404, anonymous=LOGIN, officer=302, officer2=302, director=302),
        method="POST",
        data=lambda w: {
            "requester_index": "D000001",
            "intake_category": "advice",
            "category": "other",
            "channel": "email",
            "received": "2026-01-05",
            "question": "By e-mail",
        },
    ),
    Row("advisory-precedents", OFFICE),
    Row("advisory-precedent-create", OFFICE),
    Row("advisory-precedent-detail", OFFICE, kwargs=lambda w: {"pk": w.adv_precedent.pk}),
    # Anonymous questions: public, the receipt code is the only key (a wrong one is 404 for all).
    Row("advisory-anonymous-ask", expect(200)),
    Row(
        "advisory-anonymous-ask",
        expect(200),
        method="POST",
        data=lambda w: {"category": "other", "question": "Anonymous matrix question"},
        note="the receipt page",
    ),
    Row("advisory-anonymous-thread", expect(200)),
    Row("advisory-anonymous-thread", expect(200), method="POST", data=lambda w: {"receipt": w.adv_receipt}),
    Row(
        "advisory-anonymous-thread",
        expect(404),
        method="POST",
        data=lambda w: {"receipt": "2222-2222-2222-2222-2222"},
        note="a wrong code",
    ),
    Row("advisory-anonymous-message", expect(405)),
    Row(
        "advisory-anonymous-message",
        expect(200),
        method="POST",
        data=lambda w: {"receipt": w.adv_receipt, "body": "More from the matrix"},
    ),
    Row(
        "advisory-anonymous-message",
        expect(404),
        method="POST",
        data=lambda w: {"receipt": "2222-2222-2222-2222-2222", "body": "Guess"},
        note="a wrong code",
    ),
    # "My matters" (ethics_office/site) lists the advice requests among the rest.
    Row("my-matters", SIGNED_IN),
    # API
    Row("api-advice-anonymous", expect(405), note="POST only"),
    Row(
        "api-advice-anonymous",
        expect(201),
        method="POST",
        data=lambda w: {"category": "other", "question": "Anonymous over the API"},
        content_type="application/json",
    ),
    Row(
        "api-advice-anonymous-thread",
        expect(200),
        method="POST",
        data=lambda w: {"receipt": w.adv_receipt},
        content_type="application/json",
    ),
    Row(
        "api-advice-anonymous-thread",
        expect(404),
        method="POST",
        data=lambda w: {"receipt": "2222-2222-2222-2222-2222"},
        content_type="application/json",
        note="a wrong code",
    ),
    Row(
        "api-advice-anonymous-messages",
        expect(201),
        method="POST",
        data=lambda w: {"receipt": w.adv_receipt, "body": "More over the API"},
        content_type="application/json",
    ),
    Row("api-advice-requests", expect(200, anonymous=NO_AUTH)),
    Row(
        "api-advice-requests",
        expect(201, anonymous=NO_AUTH, reviewer=403, panel=403),
        method="POST",
        data=lambda w: {"category": "other", "question": "From the API"},
        content_type="application/json",
    ),
    Row("api-advice-request-detail", CASE_API, kwargs=_case),
    Row("api-advice-request-messages", CASE_API, kwargs=_case),
    Row(
        "api-advice-request-messages",
        expect(404, anonymous=NO_AUTH, staff=201, officer=201, director=201),
        method="POST",
        kwargs=_case,
        data=lambda w: {"body": "Over the API"},
        content_type="application/json",
    ),
    Row(
        "api-advice-request-transition",
        expect(404, anonymous=NO_AUTH, staff=403, officer=200, director=200),
        method="POST",
        kwargs=_case,
        data=lambda w: {"to": "awaiting_requester"},
        content_type="application/json",
        setup=_reset_in_progress,
        note="the requester may only withdraw",
    ),
]
