"""A ten-year data set at ten times the office's 2012 volume, as import records.

Per year: ~9,000 service requests (with ~460 retaliation inquiries), 45,000 filers,
~1,000 conflicts, 1,380 public-disclosure choices, and the outreach and panel records —
about 57,000 lines a year. `year_lines(year)` yields one year's JSONL lines, the same on
every run.
"""

import datetime as dt
import json
import random

from ethics_office.organisation.data import DUTY_STATIONS, ENTITIES

SCALE = 10
REQUESTS = 887 * SCALE
FILERS = 4_500 * SCALE
PEOPLE = 52_000  # a pool larger than a cycle, so people join and leave
CATEGORIES = {"advice": 475, "financial_disclosure": 160, "training": 96, "standard_setting": 54,
              "general_information": 56, "retaliation": 46}  # fmt: skip
ADVICE = ["outside_activities", "gifts_honours_awards", "employment", "conflict_of_interest",
          "personal_investments", "financial_disclosure", "procurement", "other"]  # fmt: skip
KINDS = ["protection_request"] * 15 + ["policy_advice"] * 29 + ["outside_mandate", "withdrawn"]
OUTCOMES = ["prima_facie"] * 2 + ["no_prima_facie"] * 10 + ["closed"] * 2 + ["pending"]
GRADES = ["G", "P-2", "P-3", "P-4", "P-5", "D-1", "D-2"]
CONFLICT_KINDS = ["financial_interest", "outside_activity", "family_relationship"]
RESOLUTIONS = ["no_further_action", "approval_granted", "recusal", "managed_account", "other"]


def _day(rng, start, end):
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def year_records(year: int):
    rng = random.Random(year)
    entities = [e[0] for e in ENTITIES]
    stations = [s[0] for s in DUTY_STATIONS]
    start, end = dt.date(year, 8, 1), dt.date(year + 1, 7, 31)
    categories = rng.choices(list(CATEGORIES), weights=list(CATEGORIES.values()), k=REQUESTS)
    for i, category in enumerate(categories):
        received = _day(rng, start, end).isoformat()
        base = {"ref": f"B{year}-{i:05d}", "received": received, "entity": rng.choice(entities),
                "duty_station": rng.choice(stations)}  # fmt: skip
        if category == "retaliation":
            kind = rng.choice(KINDS)
            record = {"type": "retaliation_inquiry", **base, "kind": kind}
            if kind == "protection_request":
                outcome = rng.choice(OUTCOMES)
                record["review_outcome"] = outcome
                if outcome != "pending":
                    record["review_completed"] = (
                        dt.date.fromisoformat(received) + dt.timedelta(days=45)
                    ).isoformat()
            yield record
        else:
            record = {"type": "service_request", **base, "category": category}
            if category == "advice":
                record["advice_category"] = rng.choice(ADVICE)
            yield record
    offset = rng.randrange(PEOPLE)
    people = [f"B{(offset + i) % PEOPLE:06d}" for i in range(FILERS)]
    seniors = set(people[:1_380])
    opens, deadline = dt.date(year, 3, 1), dt.date(year, 5, 31)
    for person in people:
        selected = rng.random() < 0.05
        yield {"type": "filer", "cycle": year, "person": person, "entity": rng.choice(entities),
               "duty_station": rng.choice(stations),
               "grade": rng.choice(["ASG", "USG"]) if person in seniors else rng.choice(GRADES),
               "first_time": rng.random() < 0.25,
               "filed": None if rng.random() < 0.001 else _day(rng, opens, deadline).isoformat(),
               "verification_selected": selected, "verification_complete": True if selected else None}  # fmt: skip
    for person in rng.sample(people[1_380:], 800):
        for _ in range(rng.choice([1, 1, 1, 2])):
            yield {"type": "conflict", "cycle": year, "person": person, "kind": rng.choice(CONFLICT_KINDS),
                   "resolution": rng.choice(RESOLUTIONS)}  # fmt: skip
    for person in people[:1_380]:
        yield {"type": "public_disclosure", "cycle": year, "person": person,
               "choice": rng.choice(["full_disclosure", "confirmation", "declined"])}  # fmt: skip
    yy = f"{year}"
    for n in range(300):
        yield {"type": "training_session", "ref": f"BT{yy}-{n}", "date": _day(rng, start, end).isoformat(),
               "kind": rng.choice(["workshop", "briefing"]), "duty_station": rng.choice(stations),
               "participants": rng.randrange(5, 40)}  # fmt: skip
    for n in range(160):
        first = _day(rng, start, end - dt.timedelta(days=5))
        yield {"type": "outreach_mission", "ref": f"BM{yy}-{n}", "start": first.isoformat(),
               "end": (first + dt.timedelta(days=4)).isoformat(), "duty_station": rng.choice(stations),
               "staff_met": rng.randrange(20, 90)}  # fmt: skip
    for n in range(260):
        yield {"type": "senior_briefing", "ref": f"BS{yy}-{n}", "date": _day(rng, start, end).isoformat()}
    for n in range(100):
        yield {"type": "panel_meeting", "ref": f"BP{yy}-{n}", "date": _day(rng, start, end).isoformat()}
    for course, count in (("integrity_awareness", 53_000), ("procurement_ethics", 3_000)):
        yield {"type": "course_completions", "course": course, "period": f"{year}-{year + 1}", "count": count}


def year_lines(year: int) -> list[str]:
    return [json.dumps(r) for r in year_records(year)]
