import datetime as dt
import secrets

import pytest

from assessment import services
from assessment.models import Invitation, ItemKind, Measures
from assessment.services.waves import token_hash
from ethics_office.organisation.models import DutyStation, Entity, Grade, Person


def both(en):
    return {"en": en, "zh-hans": f"中文 {en}"}


def build_instrument(officer, code="t"):
    """Two perception items on one risk (one agreement-good, one agreement-bad), a likelihood and a
    severity item, a choice item and free text."""
    risk = services.risk_upsert(
        actor=officer, code=f"{code}-fear", names=both("Fear"), category="behavioural"
    )
    instrument = services.instrument_create(actor=officer, code=code, titles=both("Test questionnaire"))
    section = services.section_add(
        actor=officer, instrument_id=instrument.pk, code="s1", titles=both("Culture")
    )
    add = services.item_add
    add(
        actor=officer,
        section_id=section.pk,
        code="speak",
        kind=ItemKind.AGREEMENT,
        texts=both("Speak up"),
        risk=risk,
    )
    add(
        actor=officer,
        section_id=section.pk,
        code="fear",
        kind=ItemKind.AGREEMENT,
        texts=both("Fear"),
        risk=risk,
        agreement_good=False,
    )
    add(
        actor=officer,
        section_id=section.pk,
        code="likely",
        kind=ItemKind.FREQUENCY,
        texts=both("Likely"),
        risk=risk,
        measures=Measures.LIKELIHOOD,
        agreement_good=False,
    )
    add(
        actor=officer,
        section_id=section.pk,
        code="severe",
        kind=ItemKind.AGREEMENT,
        texts=both("Severe"),
        risk=risk,
        measures=Measures.SEVERITY,
        agreement_good=False,
    )
    add(
        actor=officer,
        section_id=section.pk,
        code="years",
        kind=ItemKind.SINGLE,
        texts=both("Years"),
        options=[{"code": "a", "labels": both("A")}, {"code": "b", "labels": both("B")}],
    )
    add(actor=officer, section_id=section.pk, code="comment", kind=ItemKind.TEXT, texts=both("Comment"))
    return instrument  # fmt: skip


def staff_in(mission: str, count: int, grade=Grade.G, prefix="S", language="en"):
    entity = Entity.objects.get(code=mission)
    station = DutyStation.objects.get(code="NYC")
    start = Person.objects.count()
    return Person.objects.bulk_create(
        [
            Person(
                index_number=f"{prefix}{mission[:3]}{grade[:1]}{start + i:05d}",
                name=f"{mission} {i}",
                grade=grade,
                entity=entity,
                duty_station=station,
                email=f"{prefix.lower()}{mission.lower()}{start + i}@example.un.org",
                language=language,
            )
            for i in range(count)
        ]
    )


def wave(
    officer, director, instrument, missions, sample_size, *, seed=7, field=True, previous=None, title="Wave"
):
    assessment = services.assessment_create(
        actor=officer,
        title=title,
        instrument=instrument,
        missions=list(Entity.objects.filter(code__in=missions)),
        reference_date=dt.date(2012, 1, 1),
        sample_size=sample_size,
        previous_wave=previous,
    )
    services.sample_draw(actor=officer, assessment_id=assessment.pk, seed=seed)
    if field:
        services.assessment_field(actor=director, assessment_id=assessment.pk, send=False)
    assessment.refresh_from_db()
    return assessment


def tokens_for(assessment, mission=None) -> list[str]:
    """Give each unused invitation (of one mission) a live token, as sending would."""
    invitations = list(
        Invitation.objects.filter(assessment=assessment, used=False).select_related("stratum__mission")
    )
    if mission:
        invitations = [i for i in invitations if i.stratum.mission.code == mission]
    tokens = []
    for invitation in invitations:
        token = secrets.token_urlsafe(16)
        invitation.token_hash = token_hash(token)
        tokens.append(token)
    Invitation.objects.bulk_update(invitations, ["token_hash"])
    return tokens


def answer(token, speak=4, fear=2, likely=3, severe=4, years="a", comment=""):
    services.response_submit(
        token=token,
        data={
            "speak": speak,
            "fear": fear,
            "likely": likely,
            "severe": severe,
            "years": years,
            "comment": comment,
        },
    )


@pytest.fixture
def instrument(officer):
    return build_instrument(officer)
