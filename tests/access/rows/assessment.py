"""The ethics risk assessment: the office designs, fields and analyses; the Director approves
fielding and publication (others in the office get the refusal as a message, 302); a mission's
head (a focal point of the entity, here DM) reads its published results and the register entries
it owns; a respondent's link works for whoever holds it, signed in or not; everyone else 404."""

import datetime as dt

from ..matrix import LOGIN, NO_AUTH, Row, expect

OFFICE_PAGE = expect(404, anonymous=LOGIN, officer=200, officer2=200, director=200)
OFFICE_POST = expect(404, anonymous=LOGIN, officer=302, officer2=302, director=302)
HEAD_PAGE = expect(404, anonymous=LOGIN, officer=200, officer2=200, director=200, focalpoint=200)


def build(world):
    from assessment import services
    from ethics_office.organisation.models import Entity
    from tests.assessment.conftest import both, staff_in, tokens_for

    officer, director = world.users["officer"], world.users["director"]
    # Kept small: every row of every app builds this world.
    risk = services.risk_upsert(actor=officer, code="matrix-fear", names=both("Fear"), category="behavioural")
    instrument = services.instrument_create(actor=officer, code="matrix", titles=both("Matrix"))
    section = services.section_add(actor=officer, instrument_id=instrument.pk, code="s1", titles=both("S"))
    services.item_add(
        actor=officer, section_id=section.pk, code="speak", kind="agreement", texts=both("Speak"), risk=risk
    )
    staff_in("DM", 3, prefix="M")
    dm, monusco = Entity.objects.get(code="DM"), Entity.objects.get(code="MONUSCO")

    def wave(title, field=True):
        a = services.assessment_create(
            actor=officer, title=title, instrument=instrument, missions=[dm],
            reference_date=dt.date(2012, 1, 1), sample_size=4,
        )  # fmt: skip
        services.sample_draw(actor=officer, assessment_id=a.pk, seed=1)
        if field:
            services.assessment_field(actor=director, assessment_id=a.pk, send=False)
        return a

    world.as_draft = wave("Draft", field=False)
    world.as_fielded = wave("Fielded")
    world.as_token = tokens_for(world.as_fielded)[0]
    world.as_closed = wave("Closed")
    services.assessment_close(actor=officer, assessment_id=world.as_closed.pk)
    world.as_published = wave("Published")
    services.assessment_close(actor=officer, assessment_id=world.as_published.pk)
    services.assessment_publish(actor=director, assessment_id=world.as_published.pk)
    world.as_instrument = instrument
    world.as_risk = risk
    world.as_entry_dm = services.register_entry_add(
        actor=officer, assessment_id=world.as_published.pk, risk=risk, owner=dm, evidence="E",
        likelihood=3, severity=4,
    )  # fmt: skip
    world.as_entry_monusco = services.register_entry_add(
        actor=officer, assessment_id=world.as_published.pk, risk=risk, owner=monusco, evidence="E",
        likelihood=2, severity=2,
    )  # fmt: skip
    world.as_action = services.remedial_action_add(
        actor=officer, entry_id=world.as_entry_dm.pk, description="Brief", due_on=dt.date(2013, 1, 1)
    )


def _pk(name):
    return lambda w: {"pk": getattr(w, name).pk}


ROWS = [
    Row("assessment-list", HEAD_PAGE),
    Row("assessment-create", OFFICE_PAGE),
    Row(
        "assessment-create",
        expect(404, anonymous=LOGIN, officer=200, officer2=200, director=200),
        method="POST",
        data=lambda w: {
            "title": "New",
            "instrument": w.as_instrument.pk,
            "reference_date": "2012-01-01",
            "sample_size": 5,
            "allocation": "proportional",
        },  # fmt: skip
        note="no mission chosen: the form comes back",
    ),
    Row("assessment-detail", OFFICE_PAGE, kwargs=_pk("as_fielded")),
    Row("assessment-detail", OFFICE_PAGE, kwargs=_pk("as_published"), note="published"),
    Row("assessment-draw", OFFICE_POST, method="POST", kwargs=_pk("as_draft")),
    Row("assessment-field", OFFICE_POST, method="POST", kwargs=_pk("as_draft")),
    Row("assessment-remind", OFFICE_POST, method="POST", kwargs=_pk("as_fielded")),
    Row("assessment-close", OFFICE_POST, method="POST", kwargs=_pk("as_fielded")),
    Row("assessment-publish", OFFICE_POST, method="POST", kwargs=_pk("as_closed")),
    Row("assessment-results", HEAD_PAGE, kwargs=_pk("as_published")),
    Row("assessment-results", OFFICE_PAGE, kwargs=_pk("as_fielded"), note="unpublished: not for the mission"),
    Row(
        "assessment-results-export",
        HEAD_PAGE,
        kwargs=lambda w: {"pk": w.as_published.pk, "fmt": "docx"},
    ),
    Row(
        "assessment-results-export",
        expect(404, anonymous=LOGIN),
        kwargs=lambda w: {"pk": w.as_published.pk, "fmt": "exe"},
        note="unknown format",
    ),
    Row("assessment-free-text", OFFICE_PAGE, kwargs=_pk("as_published")),
    Row(
        "assessment-register-add",
        OFFICE_POST,
        method="POST",
        kwargs=_pk("as_published"),
        data=lambda w: {
            "risk": w.as_risk.pk,
            "owner": w.as_entry_dm.owner_id,
            "evidence": "X",
            "likelihood": 2,
            "severity": 2,
        },  # fmt: skip
    ),
    Row("assessment-register", HEAD_PAGE),
    Row("assessment-register-entry", HEAD_PAGE, kwargs=_pk("as_entry_dm")),
    Row(
        "assessment-register-entry",
        OFFICE_PAGE,
        kwargs=_pk("as_entry_monusco"),
        note="another mission's entry",
    ),
    Row(
        "assessment-register-entry",
        expect(404, anonymous=LOGIN, officer=302, officer2=302, director=302),
        method="POST",
        kwargs=_pk("as_entry_dm"),
        data=lambda w: {"description": "Train", "due_on": "2013-02-01"},
        note="adds an action",
    ),
    Row(
        "assessment-action-update",
        OFFICE_POST,
        method="POST",
        kwargs=_pk("as_action"),
        data=lambda w: {"status": "done"},
    ),
    Row("assessment-instruments", OFFICE_PAGE),
    Row(
        "assessment-risk-add",
        OFFICE_POST,
        method="POST",
        data=lambda w: {
            "risk-code": "gifts",
            "risk-name_en": "Gifts",
            "risk-name_zh": "礼物",
            "risk-category": "procedural",
        },  # fmt: skip
    ),
    Row("assessment-instrument", OFFICE_PAGE, kwargs=_pk("as_instrument")),
    Row(
        "assessment-instrument-section-add",
        OFFICE_POST,
        method="POST",
        kwargs=_pk("as_instrument"),
        data=lambda w: {"section-code": "s9", "section-title_en": "S", "section-title_zh": "部"},
    ),
    Row(
        "assessment-instrument-item-add",
        OFFICE_POST,
        method="POST",
        kwargs=_pk("as_instrument"),
        data=lambda w: {
            "item-code": "q9",
            "item-kind": "agreement",
            "item-text_en": "Q",
            "item-text_zh": "问",
            "item-measures": "perception",
            "item-section": w.as_instrument.sections.first().pk,
        },  # fmt: skip
    ),
    Row("assessment-instrument-revise", OFFICE_POST, method="POST", kwargs=_pk("as_instrument")),
    Row(
        "assessment-respond", expect(200), kwargs=lambda w: {"token": w.as_token}, note="anyone with the link"
    ),
    Row("assessment-respond", expect(404), kwargs=lambda w: {"token": "not-a-token"}, note="unknown link"),
    Row("api-assessment-list", expect(200, anonymous=NO_AUTH)),
    Row(
        "api-assessment-results",
        expect(404, anonymous=NO_AUTH, officer=200, officer2=200, director=200),
        kwargs=_pk("as_published"),
    ),
]
