"""Retaliation cases: only the Director and the assigned officer see the case file; the
complainant sees their own status and letters; everyone else (other officers, the
administrator and superuser included) gets 404."""

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


# The case file: the Director, the assigned officer and the complainant (their own view).
CASE = expect(404, anonymous=LOGIN, staff=200, officer=200, director=200)
CASE_API = expect(404, anonymous=NO_AUTH, staff=200, officer=200, director=200)

ROWS = [
    Row("retaliation-list", expect(200, anonymous=LOGIN)),
    Row("retaliation-request", expect(200, anonymous=LOGIN)),
    Row("retaliation-record", expect(404, anonymous=LOGIN, **dict.fromkeys(OFFICE, 200))),
    Row("retaliation-detail", CASE, kwargs=lambda w: {"pk": w.ret_case.pk}),
    Row(
        "retaliation-act",
        expect(404, anonymous=LOGIN, officer=302, director=302),
        method="POST",
        kwargs=lambda w: {"pk": w.ret_case.pk, "action": "note"},
        data=lambda w: {"note-text": "Spoke to the complainant."},
        note="internal note: the office only",
    ),
    Row(
        "retaliation-act",
        expect(404, anonymous=LOGIN, staff=400, officer=400, director=400),
        method="POST",
        kwargs=lambda w: {"pk": w.ret_case.pk, "action": "evidence"},
        note="evidence without a file is refused beside the field",
    ),
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
]
