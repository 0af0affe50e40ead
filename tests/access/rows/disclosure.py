"""Financial disclosure: status reaches focal points; statements reach only the filer, the
assigned reviewer and the office (everyone else gets 404)."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure import services
from disclosure.models import ConflictItem, Filer, FilingCycle, Referral
from ethics_office.organisation.services import object_permission_grant

from ..matrix import LOGIN, NO_AUTH, OFFICE, Row, expect

PDF = b"%PDF-1.4\n%%EOF\n"


def build(world):
    u = world.users
    today = timezone.localdate()
    cycle, _ = FilingCycle.objects.get_or_create(
        year=today.year,
        defaults={"opens_on": dt.date(today.year, 3, 1), "deadline": dt.date(today.year, 4, 30)},
    )

    def filer(username):
        person = u[username].person
        return Filer.objects.create(
            cycle=cycle,
            person=person,
            entity=person.entity,
            duty_station=person.duty_station,
            grade=person.grade,
            registered_on=cycle.opens_on,
            verification_selected=True,
        )

    world.dc_cycle = cycle
    world.dc_staff = filer("staff")  # DM: the focal point's entity; assigned to the reviewer
    world.dc_staff2 = filer("staff2")  # UNOG: nobody assigned, no statement yet
    statement = services.statement_start(actor=u["staff"], filer_id=world.dc_staff.pk)
    services.statement_submit(
        actor=u["staff"], statement_id=statement.pk, contents={"assets": ["Acme shares"]}, certified=True
    )
    object_permission_grant(
        actor=u["officer"], user=u["reviewer"], perm="disclosure.review_filer", obj=world.dc_staff
    )
    world.dc_conflict = ConflictItem.objects.create(filer=world.dc_staff, kind="financial_interest")
    world.dc_document = services.verification_document_upload(
        actor=u["staff"], filer_id=world.dc_staff.pk, upload=SimpleUploadedFile("bank.pdf", PDF)
    )
    world.dc_query = services.filer_query_ask(
        actor=u["staff"], filer_id=world.dc_staff.pk, question="Pensions?"
    )
    world.dc_referral = Referral.objects.create(filer=world.dc_staff2, referred_on=today)
    world.dc_statement = statement
    world.dc_draw = services.verification_draw(actor=u["officer"], cycle_id=cycle.pk, size=1, seed=1)


def _staff(w):
    return {"pk": w.dc_staff.pk}


def _staff2(w):
    return {"pk": w.dc_staff2.pk}


def _year(w):
    return {"year": w.dc_cycle.year}


ALL_SIGNED_IN = expect(200, anonymous=LOGIN)
OFFICE_PAGE = expect(404, anonymous=LOGIN, **dict.fromkeys(OFFICE, 200))
OFFICE_POST = expect(404, anonymous=LOGIN, **dict.fromkeys(OFFICE, 302))
# The statement: the filer, the assigned reviewer and the office.
CONTENT_OF_STAFF = expect(404, anonymous=LOGIN, staff=200, reviewer=200, **dict.fromkeys(OFFICE, 200))
REVIEW_POST = expect(404, anonymous=LOGIN, reviewer=302, **dict.fromkeys(OFFICE, 302))
FILER_POST = expect(404, anonymous=LOGIN, staff=302)
STATUS_PAGE = expect(404, anonymous=LOGIN, focalpoint=200, **dict.fromkeys(OFFICE, 200))

ROWS = [
    Row("disclosure-index", ALL_SIGNED_IN),
    Row("disclosure-filing", CONTENT_OF_STAFF, kwargs=_staff, note="focal point 404 on the statement"),
    Row(
        "disclosure-filing",
        expect(404, anonymous=LOGIN, staff2=200, **dict.fromkeys(OFFICE, 200)),
        kwargs=_staff2,
        note="reviewer not assigned",
    ),
    Row(
        "disclosure-statement-edit",
        expect(404, anonymous=LOGIN, staff2=200),
        kwargs=_staff2,
        note="only the filer writes",
    ),
    Row("disclosure-statement-amend", FILER_POST, method="POST", kwargs=_staff),
    Row(
        "disclosure-review", REVIEW_POST, method="POST", kwargs=_staff, data=lambda w: {"outcome": "no_issue"}
    ),
    Row(
        "disclosure-conflict-add",
        REVIEW_POST,
        method="POST",
        kwargs=_staff,
        data=lambda w: {
            "kind": "outside_activity",
            "description": "Board seat",
            "recommended_resolution": "approval_granted",
        },
    ),
    Row(
        "disclosure-correspondence-add",
        REVIEW_POST,
        method="POST",
        kwargs=_staff,
        data=lambda w: {"on": "2026-05-01", "channel": "email"},
    ),
    Row(
        "disclosure-verification-upload",
        FILER_POST,
        method="POST",
        kwargs=_staff,
        data=lambda w: {"file": SimpleUploadedFile("more.pdf", PDF)},
    ),
    Row(
        "disclosure-verification-mark",
        REVIEW_POST,
        method="POST",
        kwargs=_staff,
        data=lambda w: {"complete": "1"},
    ),
    Row(
        "disclosure-public-choice",
        FILER_POST,
        method="POST",
        kwargs=_staff,
        data=lambda w: {"choice": "declined"},
    ),
    Row(
        "disclosure-query-ask", FILER_POST, method="POST", kwargs=_staff, data=lambda w: {"question": "When?"}
    ),
    Row(
        "disclosure-conflict-resolve",
        OFFICE_POST,
        method="POST",
        kwargs=lambda w: {"pk": w.dc_conflict.pk},
        data=lambda w: {
            f"c{w.dc_conflict.pk}-resolution": "recusal",
            f"c{w.dc_conflict.pk}-follow_up": "following",
        },
    ),
    Row("disclosure-document", CONTENT_OF_STAFF, kwargs=lambda w: {"pk": w.dc_document.pk}),
    Row("disclosure-queries", OFFICE_PAGE),
    Row(
        "disclosure-query-answer",
        OFFICE_POST,
        method="POST",
        kwargs=lambda w: {"pk": w.dc_query.pk},
        data=lambda w: {"answer": "Yes."},
    ),
    Row("disclosure-cycles", OFFICE_PAGE),
    Row("disclosure-cycle", OFFICE_PAGE, kwargs=_year),
    Row("disclosure-cycle-confirm", OFFICE_PAGE, kwargs=_year, note="the confirmation page"),
    Row(
        "disclosure-cycle-confirm",
        OFFICE_POST,
        method="POST",
        kwargs=_year,
        data=lambda w: {"confirmed": "1"},
    ),
    Row("disclosure-cycle-import", OFFICE_POST, method="POST", kwargs=_year),
    Row("disclosure-filer-import-template", expect(200, anonymous=LOGIN), note="a header and an example row"),
    Row("disclosure-cycle-assign", OFFICE_POST, method="POST", kwargs=_year),
    Row(
        "disclosure-cycle-draw",
        OFFICE_POST,
        method="POST",
        kwargs=_year,
        data=lambda w: {"size": "1", "seed": "1"},
    ),
    Row("disclosure-cycle-close", OFFICE_PAGE, kwargs=_year, note="the confirmation page"),
    Row(
        "disclosure-cycle-close",
        OFFICE_POST,
        method="POST",
        kwargs=_year,
        data=lambda w: {"confirmed": "1"},
    ),
    Row("disclosure-verification", OFFICE_PAGE, kwargs=_year),
    Row("disclosure-verification-export", OFFICE_PAGE, kwargs=_year),
    Row(
        "disclosure-verification-redraw",
        expect(404, anonymous=LOGIN, director=200),
        kwargs=_year,
        note="the Director's confirmation page",
    ),
    Row(
        "disclosure-verification-redraw",
        expect(404, anonymous=LOGIN, director=302),
        method="POST",
        kwargs=_year,
        data=lambda w: {"confirmed": "1", "reason": "The first draw left out an entity."},
    ),
    Row("disclosure-conflicts", OFFICE_PAGE),
    Row("disclosure-conflict", OFFICE_PAGE, kwargs=lambda w: {"pk": w.dc_conflict.pk}),
    Row(
        "disclosure-conflict",
        OFFICE_POST,
        method="POST",
        kwargs=lambda w: {"pk": w.dc_conflict.pk},
        data=lambda w: {"note": "Called the filer."},
    ),
    Row(
        "disclosure-statement",
        CONTENT_OF_STAFF,
        kwargs=lambda w: {"pk": w.dc_statement.pk},
        note="read-only version: filer, assigned reviewer, office",
    ),
    Row("disclosure-notices", STATUS_PAGE, note="the office's notices; a focal point's own"),
    Row("disclosure-notices-send", OFFICE_POST, method="POST"),
    Row("disclosure-referral-letter", OFFICE_PAGE, kwargs=lambda w: {"pk": w.dc_referral.pk}),
    Row("disclosure-designate", STATUS_PAGE),
    Row("disclosure-compliance", STATUS_PAGE, note="status only, for focal points and the office"),
    Row("disclosure-compliance-csv", STATUS_PAGE),
    Row("disclosure-public", expect(200), note="public page, no login"),
    Row("api-disclosure-cycles", expect(200, anonymous=NO_AUTH)),
    Row(
        "api-disclosure-notices",
        expect(404, anonymous=NO_AUTH, focalpoint=200, **dict.fromkeys(OFFICE, 200)),
    ),
    Row(
        "api-disclosure-compliance",
        expect(404, anonymous=NO_AUTH, focalpoint=200, **dict.fromkeys(OFFICE, 200)),
        query="cycle=2026",
    ),
    Row(
        "api-disclosure-filing",
        expect(404, anonymous=NO_AUTH, staff=200, reviewer=200, **dict.fromkeys(OFFICE, 200)),
        kwargs=_staff,
        note="focal point 404",
    ),
    Row(
        "api-disclosure-filing",
        expect(404, anonymous=NO_AUTH, staff2=200, **dict.fromkeys(OFFICE, 200)),
        kwargs=_staff2,
        note="reviewer not assigned",
    ),
]
