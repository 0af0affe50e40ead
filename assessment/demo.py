"""The 2012 ethics and reputational risk assessment of peacekeeping operations, and its
follow-up wave in progress (docs/assessment.md describes the generator).

Safe to run again: nothing is added when the 2012 wave exists.
"""

import datetime as dt
import random
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from ethics_office.base.roles import Role
from ethics_office.organisation.demo import demo_user
from ethics_office.organisation.models import DutyStation, Entity, Grade, Person
from ethics_office.organisation.services import focal_point_assign, user_account_create

from . import services
from .models import ActionStatus, Assessment, Invitation, Item, ItemKind, Measures, RiskCategory
from .services.waves import token_hash

WAVE_1 = "Ethics and reputational risk assessment of field operations, 2012"
WAVE_2 = "Ethics and reputational risk assessment, follow-up wave"

# mission: (duty station, staff on record, climate offset, response propensity)
MISSIONS = {
    "MONUSCO": ("FIH", 900, -0.25, 0.47),
    "MINUSTAH": ("PAP", 600, 0.10, 0.50),
    "UNMISS": ("JUB", 700, -0.10, 0.44),
    "UNAMID": ("ELF", 650, -0.35, 0.40),
    "UNIFIL": ("NAQ", 450, 0.35, 0.55),
    "UNMIL": ("MLW", 300, 0.0, None),  # a handful of respondents: its cells are suppressed
}
UNMIL_RESPONDENTS = 7
GRADE_MIX = [
    (Grade.G, 60),
    (Grade.P2, 8),
    (Grade.P3, 12),
    (Grade.P4, 9),
    (Grade.P5, 4),
    (Grade.D1, 5),
    (Grade.D2, 2),
]

RISKS = [
    ("fear-of-retaliation", "Fear of retaliation", "害怕遭到报复", RiskCategory.BEHAVIOURAL),
    ("gifts-from-vendors", "Gifts from vendors", "收受供应商礼物", RiskCategory.PROCEDURAL),
    ("favouritism-in-recruitment", "Favouritism in recruitment", "征聘中的偏袒", RiskCategory.STRUCTURAL),
    ("misuse-of-assets", "Misuse of United Nations assets", "滥用联合国资产", RiskCategory.PROCEDURAL),
    (
        "conflicts-of-interest",
        "Undeclared conflicts of interest",
        "未申报的利益冲突",
        RiskCategory.STRUCTURAL,
    ),
    ("tone-at-the-top", "Weak ethical leadership", "道德领导薄弱", RiskCategory.BEHAVIOURAL),
]

# (section code, English, Chinese, [(item code, kind, English, Chinese, risk, measures, agreement good, base mean)])
L, S, P = Measures.LIKELIHOOD, Measures.SEVERITY, Measures.PERCEPTION
A, F = ItemKind.AGREEMENT, ItemKind.FREQUENCY
INSTRUMENT = [
    ("culture", "Ethical culture", "道德文化", [
        ("speak-up", A, "I can raise an ethical concern in my mission without fear.", "我可以在特派团内提出道德问题而无所顾虑。", "fear-of-retaliation", P, True, 3.2),
        ("fear-reporting", A, "Staff who report misconduct here risk retaliation.", "在这里举报不当行为的工作人员有遭到报复的风险。", "fear-of-retaliation", P, False, 3.1),
        ("leaders-example", A, "Senior managers in my mission set an example of integrity.", "我所在特派团的高级管理人员以身作则，恪守诚信。", "tone-at-the-top", P, True, 3.4),
        ("know-office", A, "I know where to seek confidential ethics advice.", "我知道在哪里寻求保密的道德咨询。", None, P, True, 3.0),
    ]),
    ("integrity", "Organisational and personal integrity", "组织和个人诚信", [
        ("favouritism-seen", F, "How often have you seen recruitment decided by favouritism?", "您多常看到征聘由偏袒决定？", "favouritism-in-recruitment", P, False, 2.9),
        ("gifts-offered", F, "How often are staff offered gifts by vendors?", "工作人员多常收到供应商赠送的礼物？", "gifts-from-vendors", P, False, 2.4),
        ("assets-misused", F, "How often are vehicles or other assets used for private purposes?", "车辆或其他资产多常被用于私人目的？", "misuse-of-assets", P, False, 2.8),
        ("interests-declared", A, "Colleagues declare their personal interests when they should.", "同事在应当申报时会申报个人利益。", "conflicts-of-interest", P, True, 3.1),
    ]),
    ("risks", "Likelihood and severity of risks", "风险的可能性和严重性", [
        ("retaliation-likely", F, "How likely is retaliation against someone who reports misconduct?", "举报不当行为的人遭到报复的可能性有多大？", "fear-of-retaliation", L, False, 3.3),
        ("retaliation-severe", A, "Retaliation would seriously harm the mission's reputation.", "报复行为将严重损害特派团的声誉。", "fear-of-retaliation", S, False, 4.2),
        ("gifts-likely", F, "How likely is a vendor gift to influence a procurement decision?", "供应商礼物影响采购决定的可能性有多大？", "gifts-from-vendors", L, False, 2.5),
        ("gifts-severe", A, "A procurement decision bought by a gift would seriously harm the mission.", "以礼物换取采购决定将严重损害特派团。", "gifts-from-vendors", S, False, 4.4),
        ("favouritism-likely", F, "How likely is a post to be filled by favouritism?", "职位因偏袒而被填补的可能性有多大？", "favouritism-in-recruitment", L, False, 3.4),
        ("favouritism-severe", A, "Favouritism in recruitment seriously harms the mission.", "征聘中的偏袒严重损害特派团。", "favouritism-in-recruitment", S, False, 3.7),
        ("assets-likely", F, "How likely is misuse of assets to go unnoticed?", "滥用资产不被察觉的可能性有多大？", "misuse-of-assets", L, False, 3.0),
        ("assets-severe", A, "Misuse of assets seriously harms the mission's reputation.", "滥用资产严重损害特派团的声誉。", "misuse-of-assets", S, False, 3.5),
        ("interests-likely", F, "How likely is an undeclared conflict of interest to affect a decision?", "未申报的利益冲突影响决定的可能性有多大？", "conflicts-of-interest", L, False, 2.7),
        ("interests-severe", A, "An undeclared conflict of interest would seriously harm the mission.", "未申报的利益冲突将严重损害特派团。", "conflicts-of-interest", S, False, 3.9),
        ("leadership-likely", F, "How often do managers ignore ethical lapses?", "管理人员多常无视道德失误？", "tone-at-the-top", L, False, 2.8),
        ("leadership-severe", A, "Managers ignoring ethical lapses seriously harms the mission.", "管理人员无视道德失误严重损害特派团。", "tone-at-the-top", S, False, 4.0),
    ]),
]  # fmt: skip
ABOUT = ("about", "About you", "关于您")
YEARS = [
    ("lt2", "Less than 2 years", "不到2年"),
    ("2to5", "2 to 5 years", "2至5年"),
    ("gt5", "More than 5 years", "5年以上"),
]
TRAINING = [
    ("online", "Online ethics course", "在线道德操守课程"),
    ("workshop", "Ethics workshop", "道德操守讲习班"),
    ("none", "None", "无"),
]


def _both(en, zh):
    return {"en": en, "zh-hans": zh}


def _instrument(officer):
    risks = {
        code: services.risk_upsert(actor=officer, code=code, names=_both(en, zh), category=cat)
        for code, en, zh, cat in RISKS
    }
    instrument = services.instrument_create(
        actor=officer,
        code="erra",
        titles=_both("Ethics and reputational risk assessment", "道德和声誉风险评估"),
    )
    base_means = {}
    for code, en, zh, items in INSTRUMENT:
        section = services.section_add(
            actor=officer, instrument_id=instrument.pk, code=code, titles=_both(en, zh)
        )
        for item_code, kind, ien, izh, risk, measures, good, mean in items:
            services.item_add(
                actor=officer,
                section_id=section.pk,
                code=item_code,
                kind=kind,
                texts=_both(ien, izh),
                risk=risks.get(risk),
                measures=measures,
                agreement_good=good,
            )
            base_means[item_code] = mean
    section = services.section_add(
        actor=officer, instrument_id=instrument.pk, code=ABOUT[0], titles=_both(*ABOUT[1:])
    )
    services.item_add(
        actor=officer, section_id=section.pk, code="years-in-mission", kind=ItemKind.SINGLE,
        texts=_both("How long have you served in this mission?", "您在本特派团服务了多久？"),
        options=[{"code": c, "labels": _both(en, zh)} for c, en, zh in YEARS],
    )  # fmt: skip
    services.item_add(
        actor=officer, section_id=section.pk, code="training", kind=ItemKind.MULTIPLE,
        texts=_both("Which ethics training have you taken?", "您参加过哪些道德操守培训？"),
        options=[{"code": c, "labels": _both(en, zh)} for c, en, zh in TRAINING],
    )  # fmt: skip
    services.item_add(
        actor=officer, section_id=section.pk, code="comment", kind=ItemKind.TEXT,
        texts=_both("Anything else the Ethics Office should know?", "还有什么需要道德操守办公室了解的吗？"),
    )  # fmt: skip
    return instrument, risks, base_means


def _population(rng):
    """Staff on record in the six missions (index numbers PK…), once."""
    stations = {s.code: s for s in DutyStation.objects.filter(code__in=[v[0] for v in MISSIONS.values()])}
    entities = {e.code: e for e in Entity.objects.filter(code__in=MISSIONS)}
    grades = [g for g, weight in GRADE_MIX for _ in range(weight)]
    people = []
    for code, (station, size, _offset, _rate) in MISSIONS.items():
        for n in range(1, size + 1):
            index = f"PK-{code}-{n:04d}"
            people.append(
                Person(
                    index_number=index,
                    name=f"{code} staff member {n}",
                    grade=rng.choice(grades),
                    entity=entities[code],
                    duty_station=stations[station],
                    email=f"{index.lower()}@example.un.org",
                    language="zh-hans" if n % 17 == 0 else "en",
                )
            )
    Person.objects.bulk_create(people, ignore_conflicts=True, batch_size=1000)


def _answer(rng, mean):
    return max(1, min(5, round(rng.gauss(mean, 0.95))))


def _respond(assessment, rng, base_means, *, shift, start, end, propensity_scale=1.0, limit=None):
    """Generate answers for a share of the sample: each mission's climate shifts every item's mean
    (towards favourable), grade groups differ a little, a few leave a comment."""
    items = list(Item.objects.filter(section__instrument_id=assessment.instrument_id))
    invitations = list(assessment.invitations.select_related("stratum__mission").order_by("pk"))
    rng.shuffle(invitations)
    chosen = []
    unmil = 0
    for invitation in invitations:
        mission = invitation.stratum.mission.code
        rate = MISSIONS[mission][3]
        if rate is None:
            if unmil < UNMIL_RESPONDENTS:
                unmil += 1
                chosen.append(invitation)
            continue
        if rng.random() < rate * propensity_scale:
            chosen.append(invitation)
    if limit:
        chosen = chosen[:limit]
    tokens = {}
    for invitation in chosen:
        tokens[invitation.pk] = secrets.token_urlsafe(16)
        invitation.token_hash = token_hash(tokens[invitation.pk])
    Invitation.objects.bulk_update(chosen, ["token_hash"], batch_size=1000)
    days = (end - start).days
    for invitation in chosen:
        offset = MISSIONS[invitation.stratum.mission.code][2] + shift
        offset += {"senior": 0.3, "professional": 0.0, "national": -0.1}[invitation.stratum.grade_group]
        data = {}
        for item in items:
            if item.kind in (ItemKind.AGREEMENT, ItemKind.FREQUENCY):
                mean = base_means.get(item.code, 3.0)
                # A good climate moves answers towards the favourable end of each item.
                if item.measures == Measures.SEVERITY:
                    data[item.code] = _answer(rng, mean)
                else:
                    data[item.code] = _answer(rng, mean + (offset if item.agreement_good else -offset))
            elif item.kind == ItemKind.SINGLE:
                data[item.code] = rng.choice([c for c, *_ in YEARS])
            elif item.kind == ItemKind.MULTIPLE:
                data[item.code] = rng.sample([c for c, *_ in TRAINING[:2]], rng.randint(1, 2))
            elif rng.random() < 0.08:
                data[item.code] = rng.choice(
                    [
                        "Procurement staff are under pressure from local vendors.",
                        "People are afraid to speak up after what happened to a colleague.",
                        "More briefings by the Ethics Office would help.",
                    ]
                )
        services.response_submit(
            token=tokens[invitation.pk], data=data, on=start + dt.timedelta(days=rng.randint(0, days))
        )
    return len(chosen)


def _mission_head():
    """A demo head of mission for MONUSCO (a focal point of the mission's entity)."""
    User = get_user_model()
    user = User.objects.filter(username="monusco").first()
    if user is None:
        person, _created = Person.objects.get_or_create(
            index_number="D000010",
            defaults={
                "name": "Jean-Pierre Mbala",
                "grade": Grade.D2,
                "entity": Entity.objects.get(code="MONUSCO"),
                "duty_station": DutyStation.objects.get(code="FIH"),
                "email": "monusco@example.un.org",
            },
        )
        user = user_account_create(
            actor=None,
            username="monusco",
            password=settings.DEMO_PASSWORD,
            person=person,
            email="monusco@example.un.org",
            roles=[Role.STAFF],
        )
    focal_point_assign(actor=None, user=user, entity=Entity.objects.get(code="MONUSCO"))
    return user


def seed(stdout=None) -> None:
    if Assessment.objects.filter(title=WAVE_1).exists():
        return
    rng = random.Random(2012)
    officer, director = demo_user("officer"), demo_user("director")
    instrument, risks, base_means = _instrument(officer)
    _population(rng)
    missions = list(Entity.objects.filter(code__in=MISSIONS))
    wave1 = services.assessment_create(
        actor=officer,
        title=WAVE_1,
        instrument=instrument,
        missions=missions,
        reference_date=dt.date(2011, 12, 31),
        sample_size=1200,
    )
    services.sample_draw(actor=officer, assessment_id=wave1.pk, seed=20120109)
    services.assessment_field(actor=director, assessment_id=wave1.pk, send=False, on=dt.date(2012, 1, 16))
    answered = _respond(
        wave1, rng, base_means, shift=0.0, start=dt.date(2012, 1, 16), end=dt.date(2012, 6, 22)
    )
    services.assessment_close(actor=officer, assessment_id=wave1.pk, on=dt.date(2012, 6, 29))
    services.assessment_publish(actor=director, assessment_id=wave1.pk, on=dt.date(2012, 9, 14))

    # The follow-up wave: a revised questionnaire (same item codes, so the waves compare).
    revision = services.instrument_revise(actor=officer, instrument_id=instrument.pk)
    today = timezone.localdate()
    wave2 = services.assessment_create(
        actor=officer,
        title=WAVE_2,
        instrument=revision,
        missions=missions,
        reference_date=today - dt.timedelta(days=30),
        sample_size=600,
        previous_wave=wave1,
    )
    services.sample_draw(actor=officer, assessment_id=wave2.pk, seed=20260101)
    services.assessment_field(
        actor=director, assessment_id=wave2.pk, send=False, on=today - dt.timedelta(days=14)
    )
    answered2 = _respond(
        wave2,
        rng,
        base_means,
        shift=0.3,
        start=today - dt.timedelta(days=14),
        end=today,
        propensity_scale=0.6,
    )

    entities = {e.code: e for e in missions}
    register = [
        ("fear-of-retaliation", "UNAMID", 4, 4, "Fewer than half of respondents would raise a concern without fear.",
         [("Town-hall briefings on protection against retaliation in all sectors", dt.date(2012, 12, 31), ActionStatus.DONE),
          ("Confidential ethics advice clinic in El Fasher, monthly", dt.date(2013, 6, 30), ActionStatus.DONE)]),
        ("favouritism-in-recruitment", "MONUSCO", 4, 3, "One in three report seeing recruitment decided by favouritism.",
         [("Independent observer on every local recruitment panel", dt.date(2013, 3, 31), ActionStatus.DONE),
          ("Publish shortlisting criteria with each vacancy", dt.date(2013, 9, 30), ActionStatus.IN_PROGRESS)]),
        ("gifts-from-vendors", "UNMISS", 3, 5, "Procurement staff report frequent offers of gifts by vendors.",
         [("Gift register and vendor letter on the gifts policy", dt.date(2013, 1, 31), ActionStatus.DONE),
          ("Procurement ethics course for all requisitioners", dt.date(2013, 12, 31), ActionStatus.PLANNED)]),
        ("misuse-of-assets", "MINUSTAH", 3, 3, "Vehicle use outside duty hours is widely perceived.",
         [("Carlog review each quarter", dt.date(2013, 4, 30), ActionStatus.IN_PROGRESS)]),
    ]  # fmt: skip
    for risk_code, owner, likelihood, severity, evidence, actions in register:
        entry = services.register_entry_add(
            actor=officer,
            assessment_id=wave1.pk,
            risk=risks[risk_code],
            owner=entities[owner],
            evidence=evidence,
            likelihood=likelihood,
            severity=severity,
        )
        for description, due, status in actions:
            action = services.remedial_action_add(
                actor=officer, entry_id=entry.pk, description=description, due_on=due
            )
            if status != ActionStatus.PLANNED:
                services.remedial_action_update(actor=officer, action_id=action.pk, status=status, on=due)
        services.register_entry_update(actor=officer, entry_id=entry.pk, status="mitigated" if all(
            s == ActionStatus.DONE for *_, s in actions) else "open", remeasure_in=wave2)  # fmt: skip
    _mission_head()
    if stdout is not None:
        stdout.write(
            f"Risk assessment: 2012 wave with {wave1.invitations.count()} sampled staff and {answered} responses; "
            f"follow-up wave in the field with {answered2} responses so far."
        )
