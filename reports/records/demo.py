"""The office's 2006–2012 history as import records, loaded through the records import.

Generated deterministically in memory so that `annual_report --period 2011-2012`
reproduces every figure of A/67/306 (tests/data/a67-306-expected.json). Numbers
the report does not state are our own plausible choices, listed in docs/demo-data.md.
"""

import datetime as dt
import json
import random
from collections import Counter

from ethics_office.organisation.data import DUTY_STATIONS, ENTITIES

from .services import records_import

# Figure I: totals for periods before case-level records (baselines).
BASELINES = {"2006-2007": 303, "2007-2008": 486, "2008-2009": 470, "2009-2010": 614}

# Periods with case-level service requests: category counts, requests away from
# headquarters, advice categories, advice from peacekeeping.
REGISTER = {
    2010: {
        "categories": {
            "advice": 400,
            "financial_disclosure": 150,
            "retaliation": 40,
            "training": 80,
            "standard_setting": 50,
            "general_information": 46,
        },
        "away": 437,  # 57.0 % of 766
        "advice": {
            "outside_activities": 122,
            "gifts_honours_awards": 50,
            "employment": 60,
            "conflict_of_interest": 55,
            "personal_investments": 18,
            "financial_disclosure": 70,
            "procurement": 0,
            "other": 25,
        },
        "peacekeeping": 135,
        "retaliation": {"protection_request": 27, "policy_advice": 12, "outside_mandate": 1},
    },
    2011: {
        "categories": {
            "advice": 475,
            "financial_disclosure": 160,
            "retaliation": 46,
            "training": 96,
            "standard_setting": 54,
            "general_information": 56,
        },
        "away": 559,  # 63.0 % of 887
        "advice": {
            "outside_activities": 188,
            "gifts_honours_awards": 45,
            "employment": 60,
            "conflict_of_interest": 55,
            "personal_investments": 20,
            "financial_disclosure": 56,
            "procurement": 16,
            "other": 35,
        },
        "peacekeeping": 159,
        "retaliation": {"protection_request": 15, "policy_advice": 29, "outside_mandate": 1, "withdrawn": 1},
    },
}
# Requests for protection received in the periods before case-level registers (para 47: 106 in all).
EARLY_PROTECTION = {2006: 10, 2007: 14, 2008: 18, 2009: 22}

# Table 2 (participation by group) and the cycles' other figures.
PARTICIPATION = {
    2006: (762, 603, 339),
    2007: (997, 1062, 469),
    2008: (919, 1449, 750),
    2009: (1212, 1584, 822),
    2010: (1253, 1700, 1112),
    2011: (1351, 1697, 1258),
    2012: (1380, 1771, 1443),
}
NON_COMPLIANT = {
    2006: (4, 6, 3),
    2007: (3, 5, 2),
    2008: (2, 4, 2),
    2009: (1, 3, 2),
    2010: (0, 2, 1),
    2011: (0, 1, 2),
}
FIRST_TIME = {2006: None, 2007: 1050, 2008: 980, 2009: 1010, 2010: 1060, 2011: 1094, 2012: 1120}
VERIFICATION = {2008: 150, 2009: 180, 2010: 200, 2011: 214}
SENIOR = (95, 28, 15)  # ASG/USG filers per group (2011: 138 eligible)
PUBLIC = {2010: (70, 41, 26), 2011: (87, 42, 9)}  # full, confirmation, declined
# Table 1: (kind, resolution) -> items, and how many filers declared them.
TABLE_1 = {
    2010: (
        {
            "financial_interest": (12, 0, 34, 8, 4),
            "outside_activity": (16, 29, 0, 0, 5),
            "family_relationship": (6, 0, 32, 0, 4),
        },
        118,
    ),
    2011: (
        {
            "financial_interest": (3, 1, 10, 0, 0),
            "outside_activity": (10, 47, 1, 0, 7),
            "family_relationship": (3, 0, 20, 0, 1),
        },
        80,
    ),
}
RESOLUTIONS = ("no_further_action", "approval_granted", "recusal", "managed_account", "other")
# Outreach per period: workshops (count, participants), missions (count, staff met),
# other briefings, senior briefings, panel meetings, course completions.
OUTREACH = {
    2010: {"workshops": (24, 480), "missions": (10, 610), "briefings": 14, "senior": 20, "panel": 9,
           "courses": {"integrity_awareness": 4800, "procurement_ethics": 250}},
    2011: {"workshops": (30, 596), "missions": (16, 800), "briefings": 18, "senior": 26, "panel": 10,
           "courses": {"integrity_awareness": 5300, "procurement_ethics": 300}},
}  # fmt: skip

# Where each entity's staff sit (for duty stations of requests and filers).
STATION_OF = {
    "UNOG": "GVA", "OHCHR": "GVA", "ECE": "GVA", "UNCC": "GVA", "UNHCR": "GVA", "UNAIDS": "GVA",
    "UNIDIR": "GVA", "UNOV": "VIE", "UNODC": "VIE", "UNON": "NBO", "UNSOA": "NBO", "ESCAP": "BKK",
    "ECA": "ADD", "ECLAC": "SCL", "ESCWA": "BEY", "RSCE": "EBB", "MONUSCO": "FIH", "MINUSTAH": "PAP",
    "UNMISS": "JUB", "UNAMID": "ELF", "UNMIL": "MLW", "UNOCI": "ABJ", "UNIFIL": "NAQ", "UNLB": "BDS",
    "UNFCCC": "BON", "UNCCD": "BON", "UNICRI": "TRN", "UNITAR": "GVA", "UNU": "TYO", "UNRWA": "AMM",
    "TRIB": "HAG", "RTI": "GVA",
}  # fmt: skip
HQ_ENTITIES = ["DM", "DESA", "DPA", "DPI", "DGACM", "DSS", "OLA", "OIOS", "EOSG", "OCHA", "UNJSPF", "OICT"]
AWAY_ENTITIES = ["UNOG", "UNON", "UNOV", "UNODC", "ESCAP", "ECA", "ECLAC", "ESCWA", "OHCHR", "UNHCR", "UNRWA"]
FIELD_MISSIONS = [
    "MONUSCO",
    "MINUSTAH",
    "UNMISS",
    "UNAMID",
    "UNMIL",
    "UNOCI",
    "UNIFIL",
    "UNSOA",
    "RSCE",
    "UNLB",
]
# Relative sizes of the non-Secretariat groups' filer populations.
WEIGHTS = {
    "peacekeeping": {"DPKO": 120, "DFS": 110, "MONUSCO": 260, "MINUSTAH": 170, "UNMISS": 190, "UNAMID": 250,
                     "UNMIL": 140, "UNOCI": 130, "UNIFIL": 150, "UNSOA": 60, "RSCE": 50, "UNLB": 67},
    "other": {"UNRWA": 160, "UNIDIR": 10, "UNICRI": 8, "UNAIDS": 150, "UNCCD": 15, "UNHCR": 520, "UNCC": 12,
              "UNFCCC": 40, "UNITAR": 12, "UNU": 30, "UNWOMEN": 120},
}  # fmt: skip
# Annex: Secretariat filers of the 2011 cycle per entity, in the annex's order.
SECRETARIAT_2011 = [1, 4, 27, 56, 237, 186, 39, 26, 47, 24, 82, 10, 44, 11, 18, 7, 19, 2, 18, 15, 20, 1, 4,
                    18, 2, 3, 2, 7, 5, 1, 64, 83, 43, 17, 72, 13, 123]  # fmt: skip
GROUPS = ("secretariat", "peacekeeping", "other")
PREFIX = {"secretariat": "S", "peacekeeping": "K", "other": "O"}
# Invented names for the senior officials of the history: the public page names participants.
GIVEN = ("Adaeze", "Bernard", "Carmen", "Dmitri", "Esther", "Farid", "Greta", "Hiroshi", "Ines", "Jonas",
         "Kamala", "Luis", "Mariam", "Nikolai", "Olga", "Pedro", "Rania", "Samuel", "Tamar", "Viktor")  # fmt: skip
FAMILY = ("Abara", "Bergström", "Castillo", "Dubois", "Eze", "Fischer", "García", "Haddad", "Ivanova",
          "Jensen", "Kimura", "Lindqvist", "Moreau", "Nakamura", "Osei", "Petrov", "Quispe", "Rahman",
          "Santos", "Tesfaye", "Umarov")  # fmt: skip


def senior_name(group: str, i: int) -> str:
    g = GROUPS.index(group)
    return f"{GIVEN[(i + 7 * g) % len(GIVEN)]} {FAMILY[(3 * i + g) % len(FAMILY)]}"


GRADES = ["G", "P-2", "P-3", "P-4", "P-5", "P-5", "D-1", "D-1", "D-2"]


def split(total: int, weights: dict) -> dict:
    """Largest-remainder split of `total` in proportion to `weights`."""
    whole = sum(weights.values())
    shares = {k: total * w / whole for k, w in weights.items()}
    out = {k: int(v) for k, v in shares.items()}
    for k in sorted(shares, key=lambda k: out[k] - shares[k])[: total - sum(out.values())]:
        out[k] += 1
    return out


def _day(rng, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def reference_records():
    for code, name, name_zh, group in ENTITIES:
        yield {"type": "entity", "code": code, "name": name, "name_zh": name_zh, "group": group}
    for code, name, name_zh, hq in DUTY_STATIONS:
        yield {"type": "duty_station", "code": code, "name": name, "name_zh": name_zh, "headquarters": hq}
    for period, value in BASELINES.items():
        yield {"type": "baseline", "period": period, "metric": "service_requests", "value": value}


def register_records(rng):
    """Service requests of 2010-2011 and 2011-2012, and every request for protection since 2006."""
    protection = []  # (period year, ref, received, entity, station)
    for year, early in EARLY_PROTECTION.items():
        for n in range(early):
            entity = rng.choice(HQ_ENTITIES + AWAY_ENTITIES + FIELD_MISSIONS)
            received = _day(rng, dt.date(year, 8, 1), dt.date(year + 1, 7, 31))
            protection.append((year, f"PR-{year % 100:02d}-{n + 1:03d}", received, entity))
    other_inquiries = []
    for year, spec in REGISTER.items():
        start, end = dt.date(year, 8, 1), dt.date(year + 1, 7, 31)
        items = [("advice", a) for a, n in spec["advice"].items() for _ in range(n)]
        rng.shuffle(items)
        items += [(c, None) for c, n in spec["categories"].items() if c not in ("advice", "retaliation")
                  for _ in range(n)]  # fmt: skip
        kinds = [k for k, n in spec["retaliation"].items() for _ in range(n)]
        items += [("retaliation", k) for k in kinds]
        # The first advice items come from field missions; then fill the away quota.
        away_left = spec["away"] - spec["peacekeeping"]
        order = list(range(spec["peacekeeping"], len(items)))
        rng.shuffle(order)
        away = set(order[:away_left])
        counters = Counter()
        for i, (category, detail) in enumerate(items):
            if i < spec["peacekeeping"]:
                entity = rng.choice(FIELD_MISSIONS)
            elif i in away:
                entity = rng.choice(AWAY_ENTITIES)
            else:
                entity = rng.choice(HQ_ENTITIES)
            station = STATION_OF.get(entity, "NYC")
            received = _day(rng, start, end)
            if category == "retaliation":
                counters["PR"] += 1
                ref = f"PR-{year % 100:02d}-{counters['PR']:03d}"
                if detail == "protection_request":
                    protection.append((year, ref, received, entity))
                else:
                    other_inquiries.append((ref, received, entity, detail))
                continue
            counters["SR"] += 1
            record = {
                "type": "service_request",
                "ref": f"SR-{year % 100:02d}-{counters['SR']:04d}",
                "received": received.isoformat(),
                "category": category,
                "entity": entity,
                "duty_station": station,
            }
            if detail:
                record["advice_category"] = detail
            yield record
    for ref, received, entity, kind in other_inquiries:
        yield {
            "type": "retaliation_inquiry",
            "ref": ref,
            "received": received.isoformat(),
            "entity": entity,
            "duty_station": STATION_OF.get(entity, "NYC"),
            "kind": kind,
            "review_outcome": "closed" if kind == "withdrawn" else None,
        }
    yield from _protection_records(rng, protection)


def _protection_records(rng, protection):
    """Para 43 and 47: outcomes as they stood on 31 July 2012."""
    earlier = [p for p in protection if p[0] < 2011]
    current = sorted((p for p in protection if p[0] == 2011), key=lambda p: p[2])
    outcomes = ["prima_facie"] * 7 + ["no_prima_facie"] * 66 + ["closed"] * 18
    rng.shuffle(outcomes)
    rows = list(zip(earlier, outcomes, strict=True))
    # The latest of this period's reviews finishes after the period ends: pending at 31 July 2012.
    current_outcomes = ["prima_facie"] * 2 + ["no_prima_facie"] * 12
    rng.shuffle(current_outcomes)
    rows += list(zip(current[:-1], current_outcomes, strict=True)) + [(current[-1], "no_prima_facie")]
    investigated = 0
    for (year, ref, received, entity), outcome in rows:
        if (year, ref) == current[-1][:2]:
            completed = dt.date(2012, 9, 14)
        else:
            completed = received + dt.timedelta(days=rng.randrange(20, 75))
            if completed > dt.date(2012, 7, 31):
                completed = received
        record = {
            "type": "retaliation_inquiry",
            "ref": ref,
            "received": received.isoformat(),
            "entity": entity,
            "duty_station": STATION_OF.get(entity, "NYC"),
            "kind": "protection_request",
            "review_outcome": outcome,
            "review_completed": completed.isoformat(),
            "investigation_completed": None,
            "retaliation_established": None,
        }
        if outcome == "prima_facie" and year < 2011 and investigated < 5:
            investigated += 1
            record["investigation_completed"] = (completed + dt.timedelta(days=200)).isoformat()
            record["retaliation_established"] = investigated == 1
        yield record


def disclosure_records(rng):
    secretariat = [e[0] for e in ENTITIES if e[3] == "secretariat"]
    sec_weights = dict(zip(secretariat, SECRETARIAT_2011, strict=True))
    for year, sizes in PARTICIPATION.items():
        filers = []
        for group, size, senior in zip(GROUPS, sizes, SENIOR, strict=True):
            weights = sec_weights if group == "secretariat" else WEIGHTS[group]
            counts = split(size, weights)
            entities = [code for code, n in counts.items() for _ in range(n)]
            for i, entity in enumerate(entities):
                filers.append((group, i, entity, "USG" if i < senior // 3 else "ASG" if i < senior else None))
        non_compliant = NON_COMPLIANT.get(year)
        first_time = FIRST_TIME[year]
        first = set(rng.sample(range(len(filers)), first_time)) if first_time else set(range(len(filers)))
        verified = set(rng.sample(range(len(filers)), VERIFICATION.get(year, 0)))
        opens, deadline = dt.date(year, 3, 1), dt.date(year, 5, 31)
        by_group_index = {}
        for n, (group, i, entity, grade) in enumerate(filers):
            person = f"{PREFIX[group]}{i + 1:05d}"
            size = sizes[GROUPS.index(group)]
            late = non_compliant and i >= size - non_compliant[GROUPS.index(group)]
            record = {
                "type": "filer",
                "cycle": year,
                "person": person,
                "entity": entity,
                "duty_station": STATION_OF.get(entity, "NYC"),
                "grade": grade or rng.choice(GRADES),
                "first_time": n in first,
                "filed": None if late else _day(rng, opens, deadline).isoformat(),
                "verification_selected": n in verified,
                "verification_complete": True if n in verified else None,
            }
            if year == 2012:
                # The open cycle: newcomers keep registering until the period's end; some have not filed.
                record["registered"] = _day(rng, opens, dt.date(2012, 7, 31)).isoformat()
                if rng.random() < 0.03:
                    record["filed"] = None
            by_group_index[(group, i)] = record
            yield record
        yield from _choices_and_conflicts(rng, year, filers)


def _choices_and_conflicts(rng, year, filers):
    if year in PUBLIC:
        full, confirmation, declined = PUBLIC[year]
        choices = ["full_disclosure"] * full + ["confirmation"] * confirmation + ["declined"] * declined
        seniors = [f for f in filers if f[3]]
        for (group, i, _entity, _grade), choice in zip(seniors, choices, strict=False):
            yield {"type": "public_disclosure", "cycle": year, "person": f"{PREFIX[group]}{i + 1:05d}",
                   "choice": choice, "name": senior_name(group, i)}  # fmt: skip
    if year in TABLE_1:
        table, declaring = TABLE_1[year]
        items = [(kind, res) for kind, row in table.items() for res, n in zip(RESOLUTIONS, row, strict=True)
                 for _ in range(n)]  # fmt: skip
        rng.shuffle(items)
        people = [f"{PREFIX[g]}{i + 1:05d}" for g, i, _e, grade in filers if not grade]
        chosen = rng.sample(people, declaring)
        owners = chosen + [rng.choice(chosen) for _ in range(len(items) - declaring)]
        for person, (kind, resolution) in zip(owners, items, strict=True):
            yield {
                "type": "conflict",
                "cycle": year,
                "person": person,
                "kind": kind,
                "resolution": resolution,
            }


def outreach_records(rng):
    stations = [code for code, *_ in DUTY_STATIONS]
    for year, spec in OUTREACH.items():
        start, end = dt.date(year, 8, 1), dt.date(year + 1, 7, 31)
        yy = year % 100
        count, people = spec["workshops"]
        sizes = split(people, {n: rng.randrange(8, 30) for n in range(count)})
        for n in range(count):
            yield {"type": "training_session", "ref": f"TS-{yy:02d}-{n + 1:02d}",
                   "date": _day(rng, start, end).isoformat(), "kind": "workshop",
                   "duty_station": rng.choice(stations), "participants": sizes[n]}  # fmt: skip
        for n in range(spec["briefings"]):
            yield {"type": "training_session", "ref": f"TB-{yy:02d}-{n + 1:02d}",
                   "date": _day(rng, start, end).isoformat(), "kind": "briefing",
                   "duty_station": "NYC", "participants": rng.randrange(10, 60)}  # fmt: skip
        count, met = spec["missions"]
        staff = split(met, {n: rng.randrange(20, 90) for n in range(count)})
        for n in range(count):
            first = _day(rng, start, end - dt.timedelta(days=6))
            yield {"type": "outreach_mission", "ref": f"OM-{yy:02d}-{n + 1:02d}", "start": first.isoformat(),
                   "end": (first + dt.timedelta(days=rng.randrange(2, 6))).isoformat(),
                   "duty_station": rng.choice(stations[1:]), "staff_met": staff[n]}  # fmt: skip
        for n in range(spec["senior"]):
            yield {
                "type": "senior_briefing",
                "ref": f"SB-{yy:02d}-{n + 1:02d}",
                "date": _day(rng, start, end).isoformat(),
            }
        for n in range(spec["panel"]):
            yield {
                "type": "panel_meeting",
                "ref": f"EP-{yy:02d}-{n + 1:02d}",
                "date": _day(rng, start, end).isoformat(),
            }
        for course, value in spec["courses"].items():
            yield {
                "type": "course_completions",
                "course": course,
                "period": f"{year}-{year + 1}",
                "count": value,
            }


def history_records() -> list[dict]:
    """Every record of the 2006–2012 history, the same on every run."""
    rng = random.Random(67306)
    return [
        *reference_records(),
        *register_records(rng),
        *disclosure_records(rng),
        *outreach_records(rng),
    ]


def history_lines() -> list[str]:
    return [json.dumps(record, ensure_ascii=False) for record in history_records()]


def seed(stdout):
    """Import the history (idempotent: a second run changes nothing)."""
    result = records_import(actor=None, lines=history_lines(), source="demo history 2006-2012")
    created = sum(c.get("created", 0) for c in result.counts.values())
    stdout.write(f"History 2006–2012: {result.records} records, {created} rows created.")
