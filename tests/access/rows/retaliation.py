"""Retaliation cases: only the Director and the assigned officer see the case file; the
complainant sees their own status and letters; everyone else (other officers, the
administrator and superuser included) gets 404."""

from django.utils import timezone

from retaliation import services
from retaliation.models import InquiryKind, LetterKind
from tests.retaliation.helpers import action, inquiry_make, png

from ..matrix import LOGIN, NO_AUTH, OFFICE, Row, expect


def build(world):
    users = world.users
    # staff's request with evidence, assigned to `officer`, under preliminary review.
    world.ret_case = inquiry_make(users, kind=InquiryKind.PROTECTION_REQUEST, files=[png()])
    world.ret_evidence = world.ret_case.evidence.get()
    # staff's inquiry referred outside the mandate, with a referral letter (Word: cheap to build).
    world.ret_referred = inquiry_make(
        users, kind=InquiryKind.OUTSIDE_MANDATE, referred_to="meu", letter_format="docx"
    )
    world.ret_letter = world.ret_referred.letters.get(kind=LetterKind.REFERRAL)


def _create_body(world):
    return {
        "protected_activity": "cooperated",
        "reported_to": "OIOS",
        "narrative": "I testified in an investigation.",
        "actions": [{**action(), "occurred_on": action()["occurred_on"].isoformat()}],
    }


# --- one URL per action on a case --------------------------------------------------------
# The assigned officer and the Director act (where the service lets only the Director, the
# officer's form comes back refused: 400); everyone else gets 404, the complainant included
# for the office's actions. A row whose action changes the case gives each acting role a
# fresh case in the right state (`setup`), so the officer's success does not decide the
# Director's.


def _under_review(w):
    return inquiry_make(w.users, kind=InquiryKind.PROTECTION_REQUEST)


def _paused(w):
    case = _under_review(w)
    services.review_pause(actor=w.users["officer"], inquiry_id=case.pk, reason="Awaiting the e-mails")
    return case


def _review_answers(outcome, found):
    return {
        "outcome": outcome,
        "protected_activity_found": found,
        "protected_activity_reasoning": "Reported misconduct to OIOS.",
        "contributing_factor_found": found,
        "contributing_factor_reasoning": "The downgrade followed the report.",
        "investigation_body": "oios",
    }


def _review(outcome, found):
    answers = _review_answers(outcome, found)
    return {
        "decision": services.ReviewDecision.from_data(answers),
        "findings": services.ReviewFindings.from_data(answers),
        "letter_format": "docx",
    }


def _awaiting_sign_off(w):
    case = _under_review(w)
    services.review_complete(actor=w.users["officer"], inquiry_id=case.pk, **_review("prima_facie", True))
    return case


def _referred(w):
    case = _awaiting_sign_off(w)
    services.prima_facie_sign_off(actor=w.users["director"], inquiry_id=case.pk, letter_format="docx")
    return case


def _awaiting_determination(w):
    case = _referred(w)
    services.investigation_report_receive(actor=w.users["officer"], inquiry_id=case.pk)
    return case


def _corrective(w):
    case = _awaiting_determination(w)
    services.determination_make(
        actor=w.users["director"],
        inquiry_id=case.pk,
        established=True,
        reasoning="Shown.",
        letter_format="docx",
    )
    return case


def _corrective_measure(w):
    case = _corrective(w)
    w.ret_measure = services.corrective_measure_recommend(
        actor=w.users["director"], inquiry_id=case.pk, description="Transfer to another department"
    )
    return case


def _interim_measure(w):
    case = w.ret_case
    w.ret_measure = services.interim_measure_recommend(
        actor=w.users["officer"],
        inquiry_id=case.pk,
        measure="change_reporting",
        complainant_consent=True,
        sent_to="USG DM",
    )
    return case


def _no_prima_facie(w):
    case = _under_review(w)
    services.review_complete(actor=w.users["officer"], inquiry_id=case.pk, **_review("no_prima_facie", False))
    return case


def _acting(make, roles=("officer", "director")):
    """setup: each acting role gets a case of its own made by `make`; the others try `ret_case`."""

    def setup(world, role):
        world.ret_acted = make(world) if role in roles else world.ret_case

    return setup


def _acted(w):
    return {"pk": w.ret_acted.pk}


def _case(w):
    return {"pk": w.ret_case.pk}


def _office_act(url_name, data, *, officer=302, director=302, make=None, note=""):
    return Row(
        url_name,
        expect(404, anonymous=LOGIN, officer=officer, director=director),
        method="POST",
        kwargs=_acted if make else _case,
        data=lambda w: {key: value(w) if callable(value) else value for key, value in data.items()},
        setup=_acting(make) if make else None,
        note=note,
    )


def _today(_w):
    return timezone.localdate().isoformat()


ACTION_ROWS = [
    _office_act(
        "retaliation-assign",
        {"assign-officer": lambda w: w.users["officer"].pk},
        officer=400,
        note="only the Director assigns",
    ),
    _office_act(
        "retaliation-unassign",
        {"unassign-officer": lambda w: w.users["officer"].pk},
        officer=400,
        note="only the Director removes an officer",
    ),
    _office_act(
        "retaliation-classify",
        {"classify-kind": "protection_request", "classify-letter_format": "docx"},
        make=lambda w: inquiry_make(w.users),
    ),
    _office_act("retaliation-note-add", {"note-text": "Spoke to the complainant."}, note="the office only"),
    _office_act(
        "retaliation-note-add",
        {},
        officer=400,
        director=400,
        note="an empty note is refused beside the field",
    ),
    _office_act(
        "retaliation-action-add",
        {
            "action-occurred_on": lambda w: action()["occurred_on"].isoformat(),
            "action-taken_by": "Second reporting officer",
            "action-description": "Withdrew a training place",
        },
    ),
    Row(
        "retaliation-evidence-add",
        expect(404, anonymous=LOGIN, staff=302, officer=302, director=302),
        method="POST",
        kwargs=_case,
        data=lambda w: {"evidence-file": png()},
        note="the office adds to the file; the complainant sends more",
    ),
    Row(
        "retaliation-evidence-add",
        expect(404, anonymous=LOGIN, staff=400, officer=400, director=400),
        method="POST",
        kwargs=_case,
        note="evidence without a file is refused beside the field",
    ),
    _office_act("retaliation-pause", {"pause-reason": "Awaiting the e-mails"}, make=_under_review),
    _office_act("retaliation-resume", {}, make=_paused),
    _office_act(
        "retaliation-review",
        {
            f"review-{key}": ("yes" if value is True else value)
            for key, value in {**_review_answers("prima_facie", True), "letter_format": "docx"}.items()
        },
        make=_under_review,
    ),
    _office_act(
        "retaliation-interim",
        {
            "interim-measure": "change_reporting",
            "interim-complainant_consent": "on",
            "interim-sent_to": "USG DM",
        },
    ),
    _office_act(
        "retaliation-interim-implemented",
        {
            "interim_done-measure_id": lambda w: getattr(w, "ret_measure", None) and w.ret_measure.pk or "",
            "interim_done-implemented": "yes",
            "interim_done-implemented_on": _today,
        },
        make=_interim_measure,
    ),
    _office_act("retaliation-report", {"report-received": _today}, make=_referred),
    _office_act(
        "retaliation-determination",
        {"determine-established": "yes", "determine-reasoning": "Shown.", "determine-letter_format": "docx"},
        officer=400,
        make=_awaiting_determination,
        note="only the Director determines",
    ),
    _office_act(
        "retaliation-corrective",
        {"corrective-description": "Transfer to another department"},
        make=_corrective,
    ),
    _office_act(
        "retaliation-corrective-implemented",
        {"corrective_done-measure_id": lambda w: getattr(w, "ret_measure", None) and w.ret_measure.pk or ""},
        make=_corrective_measure,
    ),
    Row(
        "retaliation-letter-generate",
        expect(404, anonymous=LOGIN, officer=302, director=302),
        method="POST",
        kwargs=lambda w: {"pk": w.ret_referred.pk},
        data=lambda w: {"letter-kind": LetterKind.REFERRAL, "letter-format": "docx"},
    ),
    _office_act(
        "retaliation-sign-off",
        {"sign_off-decision": "approve", "sign_off-letter_format": "docx"},
        officer=400,
        make=_awaiting_sign_off,
        note="two-person rule: the Director signs off what the officer recorded",
    ),
    Row(
        "retaliation-message",
        expect(404, anonymous=LOGIN, staff=302, officer=302, director=302),
        method="POST",
        kwargs=_case,
        data=lambda w: {"message-body": "Here are the e-mails you asked for."},
        note="the complainant and the office handling the case write in the thread",
    ),
    Row(
        "retaliation-message",
        expect(404, anonymous=LOGIN, staff=400, officer=400, director=400),
        method="POST",
        kwargs=_case,
        note="an empty message is refused beside the field",
    ),
    Row(
        "retaliation-panel-review",
        expect(404, anonymous=LOGIN, staff=302),
        method="POST",
        kwargs=_acted,
        data=lambda w: {"panel-reasons": "The review overlooked my evidence."},
        setup=_acting(_no_prima_facie, roles=("staff",)),
        note="the complainant only; the office's own post is 404",
    ),
]


# The case file: the Director, the assigned officer and the complainant (their own view).
CASE = expect(404, anonymous=LOGIN, staff=200, officer=200, director=200)
CASE_API = expect(404, anonymous=NO_AUTH, staff=200, officer=200, director=200)

ROWS = [
    Row("retaliation-list", expect(200, anonymous=LOGIN)),
    Row("retaliation-request", expect(200, anonymous=LOGIN)),
    Row("retaliation-record", expect(404, anonymous=LOGIN, **dict.fromkeys(OFFICE, 200))),
    Row("retaliation-detail", CASE, kwargs=lambda w: {"pk": w.ret_case.pk}),
    Row("retaliation-register", expect(404, anonymous=LOGIN, **dict.fromkeys(OFFICE, 200))),
    Row(
        "retaliation-register",
        expect(404, anonymous=LOGIN, **dict.fromkeys(OFFICE, 200)),
        query="format=csv",
        note="the CSV export",
    ),
    Row(
        "retaliation-register",
        expect(404, anonymous=LOGIN, **dict.fromkeys(OFFICE, 200)),
        query="format=xlsx",
        note="the Excel export",
    ),
    *ACTION_ROWS,
    Row(
        "retaliation-evidence",
        CASE,
        kwargs=lambda w: {"pk": w.ret_case.pk, "evidence_pk": w.ret_evidence.pk},
    ),
    Row(
        "retaliation-letter",
        CASE,
        kwargs=lambda w: {"pk": w.ret_referred.pk, "letter_pk": w.ret_letter.pk},
    ),
    Row("api-retaliation-requests", expect(200, anonymous=NO_AUTH)),
    Row(
        "api-retaliation-requests",
        expect(201, anonymous=NO_AUTH),
        method="POST",
        data=_create_body,
        content_type="application/json",
        note="anyone with a staff record may ask for protection",
    ),
    Row("api-retaliation-request", CASE_API, kwargs=lambda w: {"pk": w.ret_case.pk}),
    Row("api-retaliation-request-messages", CASE_API, kwargs=lambda w: {"pk": w.ret_case.pk}),
    Row(
        "api-retaliation-request-messages",
        expect(404, anonymous=NO_AUTH, staff=201, officer=201, director=201),
        method="POST",
        kwargs=lambda w: {"pk": w.ret_case.pk},
        data=lambda w: {"body": "Here are the e-mails you asked for."},
        content_type="application/json",
        note="the complainant and the office handling the case write in the thread",
    ),
    Row(
        "api-retaliation-request-messages",
        expect(404, anonymous=NO_AUTH, staff=400, officer=400, director=400),
        method="POST",
        kwargs=lambda w: {"pk": w.ret_case.pk},
        data=lambda w: {"body": ""},
        content_type="application/json",
        note="an empty message is refused",
    ),
]
