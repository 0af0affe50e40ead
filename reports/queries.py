"""The annual report's definitions (docs/report-json.md), written once.

One function per figure or table of the report, each a fixed number of aggregate
queries whatever the volume; `annual_report(period)` assembles the spec's JSON shape.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, Count, IntegerField, Q, Sum, When
from django.db.models.functions import ExtractMonth, ExtractYear

from advisory.models import AdviceCategory, AdviceRequest
from assessment.selectors import assessments_closed_between
from disclosure.models import ConflictItem, ConflictKind, Filer, PublicDisclosureChoice, Resolution
from ethics_office.intake.models import Channel, ServiceCategory, ServiceRequest
from ethics_office.organisation.models import SENIOR_GRADES, EntityGroup
from outreach.models import (
    CourseCompletionCount,
    OutreachMission,
    SeniorBriefing,
    TrainingKind,
    TrainingSession,
)
from panel.models import PanelMeeting
from retaliation.models import InquiryKind, RetaliationInquiry, ReviewOutcome

from .models import Baseline, BaselineMetric

GROUPS = [g.value for g in EntityGroup]
KINDS = [k.value for k in ConflictKind]
RESOLUTIONS = [r.value for r in Resolution]
COURSES = ["integrity_awareness", "procurement_ethics"]
PERIOD_RE = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass(frozen=True)
class Period:
    """A reporting period: 1 August of `year` to 31 July of the next year."""

    year: int

    @classmethod
    def parse(cls, label: str) -> "Period":
        match = PERIOD_RE.match(label or "")
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            raise ValueError(f"A period is written YYYY-YYYY with consecutive years, not {label!r}")
        return cls(int(match.group(1)))

    @property
    def label(self) -> str:
        return f"{self.year}-{self.year + 1}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 8, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year + 1, 7, 31)

    @property
    def previous(self) -> "Period":
        return Period(self.year - 1)

    @property
    def cycle(self) -> int:
        """The filing cycle of a period is the one whose year is the period's first year."""
        return self.year


def pct(part, whole) -> float | None:
    """Percentage to one decimal, half away from zero; None when there is no whole."""
    if not whole:
        return None
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(value)


def _in(prefix: str, period: Period) -> Q:
    return Q(**{f"{prefix}__gte": period.start, f"{prefix}__lte": period.end})


# --- Figures I–III: the register --------------------------------------------------


def figure_1_service_requests_by_period(period: Period) -> list[dict]:
    """Every period from the oldest baseline or record to this one; a baseline wins."""
    baselines = dict(
        Baseline.objects.filter(metric=BaselineMetric.SERVICE_REQUESTS).values_list("period", "value")
    )
    period_year = Case(
        When(month__gte=8, then=ExtractYear("received")),
        default=ExtractYear("received") - 1,
        output_field=IntegerField(),
    )
    counts = dict(
        ServiceRequest.objects.filter(received__lte=period.end)
        .annotate(month=ExtractMonth("received"))
        .annotate(period_year=period_year)
        .values("period_year")
        .annotate(n=Count("id"))
        .values_list("period_year", "n")
    )
    years = set(counts) | {Period.parse(label).year for label in baselines if PERIOD_RE.match(label)}
    years = {y for y in years if y <= period.year}
    if not years:
        return []
    rows = []
    for year in range(min(years), period.year + 1):
        label = Period(year).label
        rows.append({"label": label, "total": baselines.get(label, counts.get(year, 0))})
    return rows


def figure_2_service_requests_by_category(period: Period) -> dict:
    rows = ServiceCategory.objects.annotate(n=Count("requests", filter=_in("requests__received", period)))
    return {c.code: c.n for c in rows}


# Requests whose source the office does not know by design (anonymous questions): their entity
# and duty station are "not stated", a row of their own where a breakdown has one.
NOT_STATED = Q(channel=Channel.ANONYMOUS_WEB)


def figure_3_service_requests_by_source(period: Period) -> dict:
    """Away = duty station not headquarters (or not recorded); also the previous period's split.

    Anonymous questions are "not stated" (a key present only when there are any), not away.
    """
    hq = Q(duty_station__headquarters=True)
    prev = period.previous
    row = ServiceRequest.objects.filter(received__gte=prev.start, received__lte=period.end).aggregate(
        total=Count("id", filter=_in("received", period)),
        headquarters=Count("id", filter=_in("received", period) & hq),
        not_stated=Count("id", filter=_in("received", period) & NOT_STATED),
        previous_total=Count("id", filter=_in("received", prev)),
        previous_headquarters=Count("id", filter=_in("received", prev) & hq),
        previous_not_stated=Count("id", filter=_in("received", prev) & NOT_STATED),
    )
    away = row["total"] - row["headquarters"] - row["not_stated"]
    previous_away = row["previous_total"] - row["previous_headquarters"] - row["previous_not_stated"]
    result = {
        "headquarters": row["headquarters"],
        "away": away,
        "away_pct": pct(away, row["total"]),
        "previous_away_pct": pct(previous_away, row["previous_total"]),
        "_previous_records": row["previous_total"],
    }
    if row["not_stated"]:
        result["not_stated"] = row["not_stated"]
        result["not_stated_pct"] = pct(row["not_stated"], row["total"])
        result["headquarters_pct"] = pct(row["headquarters"], row["total"])
    return result


# --- Figure IV: advice ----------------------------------------------------------------


def figure_4_advice_by_category(period: Period) -> dict:
    prev = period.previous
    categories = AdviceCategory.objects.annotate(
        n=Count("requests", filter=_in("requests__service_request__received", period)),
        p=Count("requests", filter=_in("requests__service_request__received", prev)),
    )
    peacekeeping = Q(service_request__entity__group=EntityGroup.PEACEKEEPING)
    totals = AdviceRequest.objects.filter(
        service_request__received__gte=prev.start, service_request__received__lte=period.end
    ).aggregate(
        total=Count("id", filter=_in("service_request__received", period)),
        previous_total=Count("id", filter=_in("service_request__received", prev)),
        peacekeeping=Count("id", filter=_in("service_request__received", period) & peacekeeping),
        previous_peacekeeping=Count("id", filter=_in("service_request__received", prev) & peacekeeping),
        not_stated=Count(
            "id",
            filter=_in("service_request__received", period)
            & Q(service_request__channel=Channel.ANONYMOUS_WEB),
        ),
    )
    if not totals["not_stated"]:  # only a period with anonymous questions has the row
        del totals["not_stated"]
    categories = list(categories)
    return {
        **totals,
        "by_category": {c.code: c.n for c in categories},
        "previous_by_category": {c.code: c.p for c in categories},
    }


# --- Financial disclosure: figure V, tables 1 and 2, the annex --------------------------


def disclosure_cycle_summary(period: Period) -> dict:
    filed = Q(filed_on__isnull=False)
    selected = Q(verification_selected=True)
    row = Filer.objects.filter(cycle__year=period.cycle).aggregate(
        participants=Count("id"),
        first_time=Count("id", filter=Q(first_time=True)),
        filed=Count("id", filter=filed),
        selected=Count("id", filter=selected),
        complete=Count("id", filter=selected & Q(verification_complete=True)),
    )
    conflicts = ConflictItem.objects.filter(filer__cycle__year=period.cycle).aggregate(
        items=Count("id"), filers=Count("filer", distinct=True)
    )
    return {**row, "conflict_items": conflicts["items"], "conflict_filers": conflicts["filers"]}


def table_1_conflict_resolutions(period: Period) -> dict:
    """For the cycle and the one before: items per kind and resolution, with totals."""
    years = [period.cycle - 1, period.cycle]
    rows = (
        ConflictItem.objects.filter(filer__cycle__year__in=years)
        .values("filer__cycle__year", "kind", "resolution")
        .annotate(n=Count("id"))
    )
    table = {
        str(y): {k: {"total": 0, **dict.fromkeys(RESOLUTIONS, 0)} for k in [*KINDS, "total"]} for y in years
    }
    for row in rows:
        year_table = table[str(row["filer__cycle__year"])]
        for kind in (row["kind"], "total"):
            if kind not in year_table:
                continue
            year_table[kind]["total"] += row["n"]
            if row["resolution"] in RESOLUTIONS:
                year_table[kind][row["resolution"]] += row["n"]
    return table


def table_2_participation_by_group(period: Period) -> list[dict]:
    """One row per cycle from the oldest to the next; the next counts registrations to the period's end."""
    next_cycle = period.cycle + 1
    rows = (
        Filer.objects.filter(cycle__year__lte=next_cycle)
        .filter(Q(cycle__year__lt=next_cycle) | Q(registered_on__lte=period.end))
        .values("cycle__year", "entity__group")
        .annotate(n=Count("id"))
    )
    counts = {(r["cycle__year"], r["entity__group"]): r["n"] for r in rows}
    if not counts:
        return []
    table = []
    for year in range(min(y for y, _ in counts), next_cycle + 1):
        row = {"year": year, **{g: counts.get((year, g), 0) for g in GROUPS}}
        row["total"] = sum(row[g] for g in GROUPS)
        table.append(row)
    return table


def figure_5_participation(period: Period) -> list[dict]:
    """Figure V charts table 2's last five cycles."""
    return table_2_participation_by_group(period)[-5:]


def annex_compliance_by_entity(period: Period) -> list[dict]:
    rows = (
        Filer.objects.filter(cycle__year=period.cycle)
        .values("entity__code", "entity__name", "entity__group")
        .annotate(required=Count("id"), filed=Count("id", filter=Q(filed_on__isnull=False)))
    )
    order = {g: i for i, g in enumerate(GROUPS)}
    annex = [
        {
            "entity": r["entity__code"],
            "name": r["entity__name"],
            "group": r["entity__group"],
            "required": r["required"],
            "filed": r["filed"],
            "non_compliant": r["required"] - r["filed"],
        }
        for r in rows
    ]
    return sorted(annex, key=lambda r: (order.get(r["group"], len(order)), r["entity"]))


def annex_compliance_by_group(annex: list[dict]) -> dict:
    out = {g: {"required": 0, "filed": 0, "non_compliant": 0} for g in [*GROUPS, "total"]}
    for row in annex:
        for key in (row["group"], "total"):
            for field in ("required", "filed", "non_compliant"):
                out.setdefault(key, {"required": 0, "filed": 0, "non_compliant": 0})[field] += row[field]
    return out


def public_disclosure_participation(period: Period) -> dict:
    choice = "public_disclosure__choice"
    row = Filer.objects.filter(cycle__year=period.cycle, grade__in=SENIOR_GRADES).aggregate(
        eligible=Count("id"),
        full_disclosure=Count("id", filter=Q(**{choice: PublicDisclosureChoice.FULL_DISCLOSURE})),
        confirmation=Count("id", filter=Q(**{choice: PublicDisclosureChoice.CONFIRMATION})),
    )
    participants = row["full_disclosure"] + row["confirmation"]
    return {
        "eligible": row["eligible"],
        "participants": participants,
        "participation_pct": pct(participants, row["eligible"]),
        "full_disclosure": row["full_disclosure"],
        "confirmation": row["confirmation"],
    }


# --- Figure VI: protection against retaliation -------------------------------------------


def figure_6_retaliation(period: Period) -> dict:
    """Outcomes as they stood at the period's end, for the period and cumulatively."""
    end = period.end
    request = Q(kind=InquiryKind.PROTECTION_REQUEST)
    decided = Q(review_completed__isnull=True) | Q(review_completed__lte=end)
    pending = request & (Q(review_outcome=ReviewOutcome.PENDING) | Q(review_completed__gt=end))
    in_period = _in("service_request__received", period)

    def outcome(value):
        return request & Q(review_outcome=value) & decided

    aggregates = {}
    for prefix, scope in (("p_", in_period), ("c_", Q())):
        aggregates |= {
            f"{prefix}opened": Count("id", filter=scope & request),
            f"{prefix}prima_facie": Count("id", filter=scope & outcome(ReviewOutcome.PRIMA_FACIE)),
            f"{prefix}no_prima_facie": Count("id", filter=scope & outcome(ReviewOutcome.NO_PRIMA_FACIE)),
            f"{prefix}closed": Count("id", filter=scope & outcome(ReviewOutcome.CLOSED)),
            f"{prefix}pending": Count("id", filter=scope & pending),
        }
    investigated = request & Q(investigation_completed__lte=end)
    row = RetaliationInquiry.objects.filter(service_request__received__lte=end).aggregate(
        **aggregates,
        outside_mandate=Count("id", filter=in_period & Q(kind=InquiryKind.OUTSIDE_MANDATE)),
        policy_advice=Count("id", filter=in_period & Q(kind=InquiryKind.POLICY_ADVICE)),
        investigations_completed=Count("id", filter=investigated),
        retaliation_established=Count("id", filter=investigated & Q(retaliation_established=True)),
    )

    def split(prefix):
        return {
            "completed": row[f"{prefix}prima_facie"] + row[f"{prefix}no_prima_facie"],
            "prima_facie": row[f"{prefix}prima_facie"],
            "no_prima_facie": row[f"{prefix}no_prima_facie"],
            "closed": row[f"{prefix}closed"],
            "pending": row[f"{prefix}pending"],
        }

    return {
        "preliminary_reviews": {"opened": row["p_opened"], **split("p_")},
        "outside_mandate": row["outside_mandate"],
        "policy_advice": row["policy_advice"],
        "cumulative": {
            "reviews": row["c_opened"],
            **split("c_"),
            "investigations_completed": row["investigations_completed"],
            "retaliation_established": row["retaliation_established"],
        },
    }


# --- Outreach and the Ethics Panel ----------------------------------------------------


def outreach_activities(period: Period) -> dict:
    workshop = Q(kind=TrainingKind.WORKSHOP)
    sessions = TrainingSession.objects.filter(_in("date", period)).aggregate(
        workshops=Count("id", filter=workshop), participants=Sum("participants", filter=workshop)
    )
    missions = OutreachMission.objects.filter(_in("start", period)).aggregate(
        missions=Count("id"), staff_met=Sum("staff_met")
    )
    courses = dict(CourseCompletionCount.objects.filter(period=period.label).values_list("course", "count"))
    return {
        "workshops": sessions["workshops"],
        "workshop_participants": sessions["participants"] or 0,
        "missions": missions["missions"],
        "staff_met": missions["staff_met"] or 0,
        "senior_briefings": SeniorBriefing.objects.filter(_in("date", period)).count(),
        "course_completions": {c: courses.get(c, 0) for c in sorted(set(COURSES) | set(courses))},
    }


def panel_meetings(period: Period) -> dict:
    return {"meetings": PanelMeeting.objects.filter(_in("date", period)).count()}


# --- The whole report -------------------------------------------------------------------


def annual_report(label: str) -> dict:
    """The report for one period, in the spec's JSON shape (every key present)."""
    period = Period.parse(label)
    by_period = figure_1_service_requests_by_period(period)
    totals = {row["label"]: row["total"] for row in by_period}
    by_category = figure_2_service_requests_by_category(period)
    source = figure_3_service_requests_by_source(period)
    has_previous_records = source.pop("_previous_records") > 0
    advice = figure_4_advice_by_category(period)
    cycle = disclosure_cycle_summary(period)
    participation = table_2_participation_by_group(period)
    annex = annex_compliance_by_entity(period)
    next_row = participation[-1] if participation and participation[-1]["year"] == period.cycle + 1 else None
    return {
        "period": {"label": period.label, "start": period.start.isoformat(), "end": period.end.isoformat()},
        "service_requests": {
            "total": totals.get(period.label, 0),
            "previous_total": totals.get(period.previous.label),
            "by_period": by_period,
            "by_category": by_category,
            "by_source": source,
        },
        "advice": {
            "total": advice["total"],
            "by_category": advice["by_category"],
            "previous_by_category": advice["previous_by_category"] if has_previous_records else None,
            "peacekeeping": advice["peacekeeping"],
            "previous_peacekeeping": advice["previous_peacekeeping"] if has_previous_records else None,
        },
        "disclosure": {
            "cycle": period.cycle,
            "participants": cycle["participants"],
            "first_time_or_irregular": cycle["first_time"],
            "filed": cycle["filed"],
            "non_compliant": cycle["participants"] - cycle["filed"],
            "compliance_pct": pct(cycle["filed"], cycle["participants"]),
            "verification": {"selected": cycle["selected"], "complete": cycle["complete"]},
            "conflicts": {
                "filers": cycle["conflict_filers"],
                "items": cycle["conflict_items"],
                "filers_pct": pct(cycle["conflict_filers"], cycle["participants"]),
            },
            "resolutions": table_1_conflict_resolutions(period),
            "participation": participation,
            "next_cycle_registered": next_row["total"] if next_row else 0,
            "compliance_by_entity": annex,
            "compliance_by_group": annex_compliance_by_group(annex),
            "public_disclosure": public_disclosure_participation(period),
        },
        "retaliation": {"inquiries": by_category.get("retaliation", 0), **figure_6_retaliation(period)},
        "outreach": outreach_activities(period),
        "panel": panel_meetings(period),
        # Section F: the ethics and reputational risk assessments closed in the period.
        "risk_assessment": {"waves": assessments_closed_between(period.start, period.end)},
    }
