"""An assessment's results from its anonymous responses: weighted estimates with 95% CIs per
item and per risk, overall, by mission and by grade group; suppression of small cells; the
risk heat map's points; the comparison with the earlier wave.

A fixed number of queries whatever the number of responses (the answers come in one query
and are summarised here).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from .estimation import Estimate, compare, stratified, suppress
from .models import Answer, GradeGroup, Item, Measures, Stratum


def min_cell() -> int:
    return int(getattr(settings, "ASSESSMENT_MIN_CELL", 10))


@dataclass
class Cell:
    item: str
    mission: str | None = None
    grade_group: str | None = None
    n: int | None = None
    mean: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    share_favourable: float | None = None
    se: float | None = field(default=None, repr=False)
    suppressed: bool = False

    def as_dict(self, *, keys=("mission", "item")) -> dict:
        out = {key: getattr(self, key) for key in keys}
        out.update(
            n=self.n,
            mean=_r(self.mean),
            ci_low=_r(self.ci_low),
            ci_high=_r(self.ci_high),
            share_favourable=_r(self.share_favourable),
        )
        return out


def _r(value, places=3):
    return None if value is None else round(value, places)


@dataclass
class Results:
    assessment_id: int
    min_cell_size: int
    items: list  # scale Items, in questionnaire order
    risks: list  # Risk objects measured by perception items
    overall: dict  # item code -> Cell
    by_mission: dict  # (mission, item) -> Cell
    by_grade: dict  # (grade group, item) -> Cell
    risk_overall: dict  # risk code -> Cell (item = risk code)
    risk_by_mission: dict  # (mission, risk code) -> Cell
    heat: list  # dicts: risk, likelihood, severity, n (overall; None where suppressed)
    strata: list  # dicts: mission, grade_group, population, sample, invited, answered, rate (None if hidden)
    missions: list[str]
    respondents: int | None
    comparison: list = field(default_factory=list)
    choices: list = field(default_factory=list)  # dicts: item, text, n, options [{option, label, share}]

    def cells(self, missions: set[str] | None = None) -> list[Cell]:
        return [
            c
            for (m, _), c in sorted(self.by_mission.items(), key=lambda kv: (kv[0][0], self._order(kv[0][1])))
            if missions is None or m in missions
        ]

    def _order(self, code):
        for i, item in enumerate(self.items):
            if item.code == code:
                return i
        return len(self.items)


def _hide(cell: Cell) -> Cell:
    cell.n = cell.mean = cell.ci_low = cell.ci_high = cell.share_favourable = cell.se = None
    cell.suppressed = True
    return cell


def _cell(item_code, estimate: Estimate, share: Estimate, **where) -> Cell:
    return Cell(
        item=item_code,
        n=estimate.n,
        mean=estimate.mean,
        ci_low=estimate.ci_low,
        ci_high=estimate.ci_high,
        share_favourable=share.mean,
        se=estimate.se,
        **where,
    )


def compute(assessment, *, with_comparison: bool = True) -> Results:
    k = min_cell()
    items = list(
        Item.objects.filter(
            section__instrument_id=assessment.instrument_id, kind__in=["agreement", "frequency"]
        )
        .select_related("risk", "section")
        .order_by("section__order", "order", "pk")
    )
    by_pk = {i.pk: i for i in items}
    strata = list(
        Stratum.objects.filter(assessment=assessment)
        .select_related("mission")
        .order_by("mission__code", "grade_group")
    )
    from django.db.models import Count

    counts = {
        row["pk"]: row
        for row in Stratum.objects.filter(assessment=assessment)
        .annotate(
            invited=Count("invitations", distinct=True),
            answered=Count("responses", distinct=True),
        )
        .values("pk", "invited", "answered")
    }
    # values[(stratum_id, item_id)] -> [values]; per respondent: resp -> {item_id: value}
    values: dict = defaultdict(list)
    respondent: dict = defaultdict(dict)
    resp_stratum: dict = {}
    rows = Answer.objects.filter(
        response__assessment=assessment, item_id__in=list(by_pk), value__isnull=False
    ).values_list("response_id", "response__stratum_id", "item_id", "value")
    for resp, stratum_id, item_id, value in rows.iterator(chunk_size=5000):
        values[(stratum_id, item_id)].append(value)
        respondent[resp][item_id] = value
        resp_stratum[resp] = stratum_id

    missions = sorted({s.mission.code for s in strata})
    grade_groups = [g for g in GradeGroup.values if any(s.grade_group == g for s in strata)]

    def estimate(strata_subset, item):
        sample = [(s.population, values.get((s.pk, item.pk), [])) for s in strata_subset]
        fav = [(N, [1.0 if item.favourable(v) else 0.0 for v in vals]) for N, vals in sample]
        return stratified(sample), stratified(fav)

    overall, by_mission, by_grade = {}, {}, {}
    for item in items:
        overall[item.code] = _cell(item.code, *estimate(strata, item))
        for m in missions:
            by_mission[(m, item.code)] = _cell(
                item.code, *estimate([s for s in strata if s.mission.code == m], item), mission=m
            )
        for g in grade_groups:
            by_grade[(g, item.code)] = _cell(
                item.code, *estimate([s for s in strata if s.grade_group == g], item), grade_group=g
            )

    # Risks: each respondent's score is the mean of their oriented perception answers on that risk.
    risks = {}
    for item in items:
        if item.risk_id and item.measures == Measures.PERCEPTION:
            risks.setdefault(item.risk.code, (item.risk, []))[1].append(item)
    per_stratum_risk: dict = defaultdict(lambda: defaultdict(list))
    per_stratum_risk_fav: dict = defaultdict(lambda: defaultdict(list))
    for resp, answers in respondent.items():
        stratum_id = resp_stratum[resp]
        for code, (_risk, risk_items) in risks.items():
            got = [(i, answers[i.pk]) for i in risk_items if i.pk in answers]
            if not got:
                continue
            oriented = [v if i.agreement_good else 6 - v for i, v in got]
            per_stratum_risk[code][stratum_id].append(sum(oriented) / len(oriented))
            per_stratum_risk_fav[code][stratum_id].append(sum(i.favourable(v) for i, v in got) / len(got))

    def risk_cell(code, subset, **where):
        est = stratified([(s.population, per_stratum_risk[code].get(s.pk, [])) for s in subset])
        fav = stratified([(s.population, per_stratum_risk_fav[code].get(s.pk, [])) for s in subset])
        return _cell(code, est, fav, **where)

    risk_overall = {code: risk_cell(code, strata) for code in risks}
    risk_by_mission = {
        (m, code): risk_cell(code, [s for s in strata if s.mission.code == m], mission=m)
        for code in risks
        for m in missions
    }

    # Suppression: mission cells per item (they add up to the published overall), grade cells
    # likewise, then the overall cells themselves.
    for source in (by_mission, risk_by_mission):
        codes = sorted({code for _m, code in source})
        for key in suppress([[((m, code), source[(m, code)].n) for m in missions] for code in codes], k):
            _hide(source[key])
    hidden_grade = suppress(
        [[((g, code), by_grade[(g, code)].n) for g in grade_groups] for code in overall], k
    )
    for key in hidden_grade:
        _hide(by_grade[key])
    for cell in [*overall.values(), *risk_overall.values()]:
        if cell.n is not None and cell.n < k:
            _hide(cell)

    # The heat map: perceived likelihood × severity per risk (overall).
    heat = []
    all_risks = {}
    for item in items:
        if item.risk_id:
            all_risks.setdefault(item.risk.code, item.risk)
    for code, risk in all_risks.items():
        point = {"risk": code, "name": risk.name, "category": risk.category}
        for dimension in (Measures.LIKELIHOOD, Measures.SEVERITY):
            dim_items = [i for i in items if i.risk_id == risk.pk and i.measures == dimension]
            sample = [
                (s.population, [v for i in dim_items for v in values.get((s.pk, i.pk), [])]) for s in strata
            ]
            est = stratified(sample)
            respondents = len({r for r, a in respondent.items() if any(i.pk in a for i in dim_items)})
            point[str(dimension)] = _r(est.mean, 2) if respondents >= k else None
        if point["likelihood"] is not None or point["severity"] is not None:
            heat.append(point)

    # Response rates per stratum; respondent counts under k are hidden, with complementary
    # hiding within each mission and each grade group (their totals are shown).
    stratum_rows = []
    for s in strata:
        c = counts.get(s.pk, {"invited": 0, "answered": 0})
        stratum_rows.append(
            {
                "key": (s.mission.code, s.grade_group),
                "mission": s.mission.code,
                "grade_group": s.grade_group,
                "grade_group_label": s.get_grade_group_display(),
                "population": s.population,
                "sample": s.sample_size,
                "invited": c["invited"],
                "answered": c["answered"],
            }
        )
    groups = [[(r["key"], r["answered"]) for r in stratum_rows if r["mission"] == m] for m in missions]
    groups += [
        [(r["key"], r["answered"]) for r in stratum_rows if r["grade_group"] == g] for g in grade_groups
    ]
    hidden_strata = suppress(groups, k)
    for r in stratum_rows:
        if r["key"] in hidden_strata:
            r["answered"] = r["rate"] = None
        else:
            r["rate"] = round(100 * r["answered"] / r["invited"], 1) if r["invited"] else None
    total_answered = len(respondent) if respondent else sum(c["answered"] for c in counts.values())

    # Choice items: the weighted share choosing each option, overall only, shown from k respondents.
    choice_items = list(
        Item.objects.filter(section__instrument_id=assessment.instrument_id, kind__in=["single", "multiple"])
        .select_related("section")
        .order_by("section__order", "order", "pk")
    )
    chosen: dict = defaultdict(lambda: defaultdict(list))  # item -> stratum -> [set of codes]
    for stratum_id, item_id, codes in Answer.objects.filter(
        response__assessment=assessment, item__in=choice_items
    ).values_list("response__stratum_id", "item_id", "choices"):
        chosen[item_id][stratum_id].append(set(codes or []))
    choices = []
    for item in choice_items:
        per_stratum = chosen.get(item.pk, {})
        n = sum(len(v) for v in per_stratum.values())
        options = []
        for code, label in item.option_labels():
            est = stratified(
                [
                    (s.population, [1.0 if code in c else 0.0 for c in per_stratum.get(s.pk, [])])
                    for s in strata
                ]
            )
            options.append({"option": code, "label": label, "share": _r(est.mean) if n >= k else None})
        choices.append({"item": item.code, "text": item.text, "n": n if n >= k else None, "options": options})

    results = Results(
        assessment_id=assessment.pk,
        min_cell_size=k,
        items=items,
        risks=[r for r, _ in risks.values()],
        overall=overall,
        by_mission=by_mission,
        by_grade=by_grade,
        risk_overall=risk_overall,
        risk_by_mission=risk_by_mission,
        heat=heat,
        strata=stratum_rows,
        missions=missions,
        respondents=total_answered if total_answered >= k else None,
        choices=choices,
    )
    if with_comparison and assessment.previous_wave_id:
        results.comparison = _compare(compute(assessment.previous_wave, with_comparison=False), results)
    return results


def _compare(earlier: Results, later: Results) -> list[dict]:
    """Items with the same code in both waves: overall, and by mission where both cells are shown."""
    rows = []
    pairs = [(None, code, earlier.overall.get(code), cell) for code, cell in later.overall.items()]
    pairs += [
        (m, code, earlier.by_mission.get((m, code)), cell) for (m, code), cell in later.by_mission.items()
    ]
    for mission, code, before, after in pairs:
        if before is None or before.mean is None or after.mean is None:
            continue
        change = compare(
            Estimate(before.n, before.mean, before.se, before.ci_low, before.ci_high),
            Estimate(after.n, after.mean, after.se, after.ci_low, after.ci_high),
        )
        rows.append(
            {
                "mission": mission,
                "item": code,
                "earlier": _r(before.mean),
                "later": _r(after.mean),
                "change": _r(change.difference),
                "p_value": _r(change.p_value, 4),
                "significant": change.significant,
            }
        )
    return rows


def as_api(results: Results) -> dict:
    return {
        "assessment": results.assessment_id,
        "min_cell_size": results.min_cell_size,
        "respondents": results.respondents,
        "cells": [c.as_dict() for c in results.cells()],
        "overall": [c.as_dict(keys=("item",)) for c in results.overall.values()],
        "grade_groups": [
            {"grade_group": g, **c.as_dict(keys=("item",))} for (g, _), c in results.by_grade.items()
        ],
        "risks": [{"risk": code, **c.as_dict(keys=())} for code, c in results.risk_overall.items()],
        "risk_cells": [
            {"mission": m, "risk": code, **c.as_dict(keys=())}
            for (m, code), c in results.risk_by_mission.items()
        ],
        "heat_map": results.heat,
        "comparison": results.comparison,
        "choices": [
            {
                "item": c["item"],
                "n": c["n"],
                "options": [{"option": o["option"], "share": o["share"]} for o in c["options"]],
            }
            for c in results.choices
        ],
    }
