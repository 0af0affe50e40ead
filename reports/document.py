"""The report laid out like the UN document: sections, paragraphs, numbered figures and
titled tables, in the active language. The page, Word, PDF and Excel all render this one
structure, so their numbers are the JSON's numbers."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from advisory.models import AdviceCategory
from assessment.models import Risk
from ethics_office.base.i18n import BASE_LANGUAGE, active_language, is_chinese
from ethics_office.intake.models import ServiceCategory
from ethics_office.organisation.models import Entity, EntityGroup

from .models import ReportSymbol
from .queries import RESOLUTIONS, Period

CHINESE_NUMERALS = {"I": "一", "II": "二", "III": "三", "IV": "四", "V": "五", "VI": "六"}


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list]
    number: str = ""  # "1", "2" or "" (annex)
    link_rows: list[str | None] = field(default_factory=list)  # what each row's count is a count of
    urls: list[str | None] = field(default_factory=list)  # filled in by the page for users who may follow

    @property
    def caption(self) -> str:
        return _("Table %(number)s") % {"number": self.number} if self.number else ""

    @property
    def linked_rows(self):
        urls = self.urls or [None] * len(self.rows)
        return list(zip(self.rows, urls, strict=False))


@dataclass
class Figure:
    number: str  # Roman numeral, as in the UN document
    title: str
    kind: str  # "bar", "grouped", "stacked", "hbar"
    categories: list[str]
    series: list[tuple[str, list[int]]]
    table: Table

    @property
    def caption(self) -> str:
        number = self.number
        if is_chinese():
            number = CHINESE_NUMERALS.get(number, number)
        return _("Figure %(number)s") % {"number": number}

    @property
    def slug(self) -> str:
        return f"figure-{self.number.lower()}"


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    blocks: list = field(default_factory=list)


@dataclass
class Masthead:
    """The top of a General Assembly document: the body, the symbol and the session."""

    symbol: str  # "A/67/306", or "" while no symbol is assigned
    distribution: str
    date: str
    session: str
    agenda: str  # "Item 135 of the provisional agenda"
    agenda_title: str

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.session, self.agenda, self.agenda_title) if line]


@dataclass
class Document:
    title: str
    subtitle: str
    period: str
    sections: list[Section]
    headline: list[tuple[str, object, str]] = field(default_factory=list)  # label, value, link key
    masthead: Masthead | None = None

    def figures(self):
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def tables(self):
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]


def n(value) -> str:
    return "—" if value is None else number_format(value, force_grouping=True)


def long_date(value) -> str:
    """1 August 2011 in English, as the UN writes it; the locale's own long form otherwise."""
    if active_language() == BASE_LANGUAGE:
        return date_format(value, "j F Y")
    return date_format(value, "DATE_FORMAT")


def group_label(code: str) -> str:
    return {g.value: str(g.label) for g in EntityGroup}.get(code, code)


def kind_label(code: str) -> str:
    return {
        "financial_interest": _("Financial interests"),
        "outside_activity": _("Outside activities"),
        "family_relationship": _("Family relationships"),
        "total": _("Total"),
    }[code]


def resolution_label(code: str) -> str:
    return {
        "no_further_action": _("No further action needed"),
        "approval_granted": _("Approval granted"),
        "recusal": _("Recusal/disqualification"),
        "managed_account": _("Managed account"),
        "other": _("Other"),
    }[code]


@dataclass(frozen=True)
class _Context:
    """What every section needs: the period, its dates in words and the labels of the codes."""

    period: Period
    dates: dict[str, str]
    previous: str
    service_labels: dict[str, str]
    advice_labels: dict[str, str]
    entity_names: dict[str, str]

    @classmethod
    def of(cls, report: dict) -> "_Context":
        period = Period.parse(report["period"]["label"])
        zh = is_chinese()
        return cls(
            period=period,
            dates={"start": long_date(period.start), "end": long_date(period.end)},
            previous=period.previous.label,
            service_labels={c.code: c.display_label for c in ServiceCategory.objects.all()},
            advice_labels={c.code: c.display_label for c in AdviceCategory.objects.all()},
            entity_names=dict(Entity.objects.values_list("code", "name_zh")) if zh else {},
        )


ORDINALS = {
    1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
    9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth",
    15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth",
}  # fmt: skip
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
TENTHS = {2: "twentieth", 3: "thirtieth", 4: "fortieth", 5: "fiftieth", 6: "sixtieth", 7: "seventieth",
          8: "eightieth", 9: "ninetieth"}  # fmt: skip


def english_ordinal(number: int) -> str:
    """67 -> "sixty-seventh", as the UN writes a session (up to the ninety-ninth)."""
    if number in ORDINALS or not 20 <= number < 100:
        return ORDINALS.get(number, f"{number}th")
    tens, units = divmod(number, 10)
    return TENTHS[tens] if not units else f"{TENS[tens]}-{ORDINALS[units]}"


def session_label(number: int) -> str:
    if active_language() == BASE_LANGUAGE:
        return f"{english_ordinal(number)} session".capitalize()
    return _("Session %(number)s of the General Assembly") % {"number": number}


def masthead(period: Period) -> Masthead:
    """From the period's report symbol (reports.ReportSymbol); a period without one gets the
    session it would be presented to and no symbol yet."""
    row = ReportSymbol.objects.filter(period=period.label).first()
    session = row.session if row else period.year + 1 - 1945
    return Masthead(
        symbol=row.symbol if row else "",
        distribution=_("Distr.: General"),
        date=long_date(row.issued) if row and row.issued else "",
        session=session_label(session),
        agenda=_("Item %(number)s of the provisional agenda") % {"number": row.agenda_item}
        if row and row.agenda_item
        else "",
        agenda_title=row.agenda_title if row else "",
    )


def build_document(report: dict) -> Document:
    """Lay the report out in the active language: the headline figures, then one section per part."""
    ctx = _Context.of(report)
    fd = report["disclosure"]
    return Document(
        _("Activities of the Ethics Office"),
        _("Report of the Secretary-General, %(start)s to %(end)s") % ctx.dates,
        ctx.period.label,
        [
            register_section(ctx, report["service_requests"]),
            advice_section(ctx, report["advice"]),
            disclosure_section(ctx, fd),
            retaliation_section(ctx, report["retaliation"]),
            outreach_section(report["outreach"]),
            panel_section(report["panel"]),
            # Section F appears only for a period in which a risk assessment closed.
            *filter(None, [_risk_assessment_section(report.get("risk_assessment") or {})]),
            annex_section(ctx, fd),
        ],
        headline(report),
        masthead(ctx.period),
    )


def headline(report: dict) -> list[tuple[str, object, str]]:
    """The key figures above the report: label, value and what the value counts (for its link)."""
    sr, advice, fd, ret, out = (
        report[k] for k in ("service_requests", "advice", "disclosure", "retaliation", "outreach")
    )
    return [
        (_("Requests for services"), sr["total"], ""),
        (_("Requests for ethics advice"), advice["total"], "advice"),
        (
            _("Financial disclosure participants (%(cycle)s cycle)") % {"cycle": fd["cycle"]},
            fd["participants"],
            "filers",
        ),
        (_("Compliance rate (%)"), fd["compliance_pct"], ""),
        (_("Retaliation-related inquiries"), ret["inquiries"], "retaliation"),
        (_("Preliminary reviews opened"), ret["preliminary_reviews"]["opened"], "retaliation"),
        (_("Workshops"), out["workshops"], "workshops"),
        (_("Workshop participants"), out["workshop_participants"], "workshops"),
        (_("Outreach missions"), out["missions"], "missions"),
        (_("Briefings for senior officials"), out["senior_briefings"], "senior_briefings"),
        (_("Ethics Panel meetings"), report["panel"]["meetings"], "panel"),
    ]


def register_section(ctx: _Context, sr: dict) -> Section:
    """Requests for services: figures I (by period), II (by category) and III (by source)."""
    period, dates, prev, service_labels = ctx.period, ctx.dates, ctx.previous, ctx.service_labels
    fig1 = Figure(
        "I",
        _("Total number of requests for Ethics Office services by reporting period"),
        "bar",
        [r["label"] for r in sr["by_period"]],
        [(_("Requests"), [r["total"] for r in sr["by_period"]])],
        Table(_("Requests by reporting period"), [_("Period"), _("Requests")],
              [[r["label"], r["total"]] for r in sr["by_period"]]),
    )  # fmt: skip
    cats = list(sr["by_category"])
    fig2 = Figure(
        "II",
        _("Requests for services by category, %(start)s to %(end)s") % dates,
        "hbar",
        [service_labels.get(c, c) for c in cats],
        [(period.label, [sr["by_category"][c] for c in cats])],
        Table(_("Requests by category"), [_("Category"), _("Requests")],
              [[service_labels.get(c, c), sr["by_category"][c]] for c in cats], link_rows=cats),
    )  # fmt: skip
    source = sr["by_source"]
    source_labels = [_("Headquarters"), _("Away from headquarters")]
    source_values = [source["headquarters"], source["away"]]
    source_rows = [
        [_("Headquarters"), source["headquarters"], _pct_rest(source["away_pct"])],
        [_("Away from headquarters"), source["away"], source["away_pct"]],
    ]
    if source.get("not_stated"):  # anonymous questions: only when there are any
        source_labels.append(_("Not stated"))
        source_values.append(source["not_stated"])
        source_rows[0][2] = source["headquarters_pct"]
        source_rows.append([_("Not stated"), source["not_stated"], source["not_stated_pct"]])
    fig3 = Figure(
        "III",
        _("Requests for services by source, %(start)s to %(end)s") % dates,
        "bar",
        source_labels,
        [(period.label, source_values)],
        Table(_("Requests by source"), [_("Source"), _("Requests"), _("Share (%)")], source_rows),
    )
    return Section(
        _("Requests for services"),
        [
            _(
                "From %(start)s to %(end)s the Ethics Office received %(total)s requests for services, "
                "compared with %(previous)s in the previous reporting period."
            )
            % {**dates, "total": n(sr["total"]), "previous": n(sr["previous_total"])},
            _(
                "Requests from away from headquarters made up %(pct)s%% of all requests "
                "(%(previous_pct)s%% in %(previous)s)."
            )
            % {
                "pct": n(source["away_pct"]),
                "previous_pct": n(source["previous_away_pct"]),
                "previous": prev,
            },
        ],
        [fig1, fig2, fig3],
    )


def advice_section(ctx: _Context, advice: dict) -> Section:
    """Advice and guidance: figure IV, this period's categories beside the previous period's."""
    period, prev, advice_labels = ctx.period, ctx.previous, ctx.advice_labels
    acats = list(advice["by_category"])
    previous_advice = advice["previous_by_category"] or {}
    fig4 = Figure(
        "IV",
        _("Requests for ethics advice by category, %(previous)s and %(current)s")
        % {"previous": prev, "current": period.label},
        "grouped",
        [advice_labels.get(c, c) for c in acats],
        [(prev, [previous_advice.get(c, 0) for c in acats]), (period.label, [advice["by_category"][c] for c in acats])],
        Table(_("Advice requests by category"), [_("Category"), prev, period.label],
              [[advice_labels.get(c, c), previous_advice.get(c), advice["by_category"][c]] for c in acats]),
    )  # fmt: skip
    return Section(
        _("Advice and guidance"),
        [
            _("The Office received %(total)s requests for ethics advice and guidance.")
            % {"total": n(advice["total"])},
            _(
                "Requests from peacekeeping operations numbered %(current)s, compared with %(previous)s in %(prev)s."
            )
            % {
                "current": n(advice["peacekeeping"]),
                "previous": n(advice["previous_peacekeeping"]),
                "prev": prev,
            },
            *(
                [
                    _("%(count)s were asked anonymously (entity and duty station not stated).")
                    % {"count": n(advice["not_stated"])}
                ]
                if advice.get("not_stated")
                else []
            ),
        ],
        [fig4],
    )


def disclosure_section(ctx: _Context, fd: dict) -> Section:
    """The financial disclosure programme: table 1 (conflicts resolved), figure V and table 2 (participation)."""
    dates = ctx.dates
    table1 = resolutions_table(fd)
    table2 = participation_table(fd)
    groups = [g.value for g in EntityGroup]
    part = fd["participation"]
    last = part[-5:]
    fig5 = Figure(
        "V",
        _("Financial disclosure participation by entity group and filing year"),
        "stacked",
        [str(r["year"]) for r in last],
        [(group_label(g), [r[g] for r in last]) for g in groups],
        Table(table2.title, table2.header, table2.rows[-5:]),
    )
    pub = fd["public_disclosure"]
    return Section(
        _("Financial disclosure programme"),
        [
            _(
                "The %(cycle)s filing cycle had %(participants)s participants, of whom %(first)s were first-time "
                "or irregular filers; %(filed)s filed (%(pct)s%%) and %(late)s did not."
            )
            % {
                "cycle": fd["cycle"],
                "participants": n(fd["participants"]),
                "first": n(fd["first_time_or_irregular"]),
                "filed": n(fd["filed"]),
                "pct": n(fd["compliance_pct"]),
                "late": n(fd["non_compliant"]),
            },
            _("%(selected)s filers were selected for verification; %(complete)s provided complete documents.")
            % {"selected": n(fd["verification"]["selected"]), "complete": n(fd["verification"]["complete"])},
            _(
                "%(items)s conflicts of interest were identified for %(filers)s filers (%(pct)s%% of participants)."
            )
            % {
                "items": n(fd["conflicts"]["items"]),
                "filers": n(fd["conflicts"]["filers"]),
                "pct": n(fd["conflicts"]["filers_pct"]),
            },
            _(
                "Of %(eligible)s eligible senior officials, %(participants)s (%(pct)s%%) took part in voluntary "
                "public disclosure: %(full)s disclosed in full and %(confirmation)s confirmed compliance."
            )
            % {
                "eligible": n(pub["eligible"]),
                "participants": n(pub["participants"]),
                "pct": n(pub["participation_pct"]),
                "full": n(pub["full_disclosure"]),
                "confirmation": n(pub["confirmation"]),
            },
            _("By %(end)s, %(registered)s staff members had registered for the %(next)s cycle.")
            % {
                "end": dates["end"],
                "registered": n(fd["next_cycle_registered"]),
                "next": fd["cycle"] + 1,
            },
        ],  # fmt: skip
        [table1, fig5, table2],
    )


def retaliation_section(ctx: _Context, ret: dict) -> Section:
    """Protection against retaliation: figure VI, the preliminary reviews of the period and since 2006."""
    period, dates = ctx.period, ctx.dates
    pr, cum = ret["preliminary_reviews"], ret["cumulative"]
    steps = ["opened", "completed", "prima_facie", "no_prima_facie", "closed", "pending"]
    step_labels = [
        _("Preliminary reviews"), _("Completed"), _("Prima facie case"), _("No prima facie case"),
        pgettext("annual report", "Closed"), pgettext("annual report", "Pending"),
    ]  # fmt: skip
    fig6 = Figure(
        "VI",
        _("Action on requests for protection against retaliation, %(start)s to %(end)s") % dates,
        "bar",
        step_labels,
        [(period.label, [pr[s] for s in steps])],
        Table(_("Preliminary reviews"), [_("Stage"), period.label, _("Since 2006")],
              [[label, pr[s], cum["reviews" if s == "opened" else s]] for label, s in zip(step_labels, steps, strict=True)]),
    )  # fmt: skip
    return Section(
        _("Protection against retaliation"),
        [
            _(
                "The Office received %(inquiries)s retaliation-related inquiries and opened %(opened)s preliminary "
                "reviews; %(policy)s inquiries sought advice on the policy and %(outside)s fell outside the mandate."
            )
            % {
                "inquiries": n(ret["inquiries"]),
                "opened": n(pr["opened"]),
                "policy": n(ret["policy_advice"]),
                "outside": n(ret["outside_mandate"]),
            },
            _(
                "Since 2006 the Office has opened %(reviews)s preliminary reviews and found a prima facie case in "
                "%(prima)s; %(investigations)s investigations have been completed, establishing retaliation in "
                "%(established)s."
            )
            % {
                "reviews": n(cum["reviews"]),
                "prima": n(cum["prima_facie"]),
                "investigations": n(cum["investigations_completed"]),
                "established": n(cum["retaliation_established"]),
            },
        ],  # fmt: skip
        [fig6],
    )


def outreach_section(out: dict) -> Section:
    """Outreach, training and education: workshops, missions, briefings and online courses."""
    return Section(
        _("Outreach, training and education"),
        [
            _(
                "%(workshops)s workshops reached %(participants)s participants; %(missions)s outreach missions met %(staff)s staff."
            )
            % {
                "workshops": n(out["workshops"]),
                "participants": n(out["workshop_participants"]),
                "missions": n(out["missions"]),
                "staff": n(out["staff_met"]),
            },
            _("The Office gave %(briefings)s briefings to newly appointed senior officials.")
            % {"briefings": n(out["senior_briefings"])},
            _(
                "Online courses completed: %(integrity)s (ethics and integrity), %(procurement)s (procurement ethics)."
            )
            % {
                "integrity": n(out["course_completions"].get("integrity_awareness", 0)),
                "procurement": n(out["course_completions"].get("procurement_ethics", 0)),
            },
        ],  # fmt: skip
    )


def panel_section(panel: dict) -> Section:
    """The Ethics Panel of the United Nations."""
    return Section(
        _("Ethics Panel of the United Nations"),
        [_("The Ethics Panel met %(meetings)s times.") % {"meetings": n(panel["meetings"])}],
    )


def annex_section(ctx: _Context, fd: dict) -> Section:
    """The annex: compliance by entity, grouped, with subtotals and the total."""
    entity_names = ctx.entity_names
    groups = [g.value for g in EntityGroup]
    annex_rows, annex_links = [], []
    by_group = fd["compliance_by_group"]
    for group in groups:
        rows = [r for r in fd["compliance_by_entity"] if r["group"] == group]
        for r in rows:
            name = entity_names.get(r["entity"]) or r["name"]
            annex_rows.append([name, r["required"], r["filed"], r["non_compliant"]])
            annex_links.append(r["entity"])
        totals = by_group[group]
        annex_rows.append([_("Subtotal: %(group)s") % {"group": group_label(group)}, totals["required"],
                           totals["filed"], totals["non_compliant"]])  # fmt: skip
        annex_links.append(None)
    total = by_group["total"]
    annex_rows.append([_("Total"), total["required"], total["filed"], total["non_compliant"]])
    annex_links.append(None)
    return Section(
        _("Annex"),
        [],
        [
            Table(
                _("Compliance with the financial disclosure programme by entity, %(cycle)s filing cycle")
                % {"cycle": fd["cycle"]},
                [_("Entity"), _("Required to file"), pgettext("annual report", "Filed"), _("Non-compliant")],
                annex_rows,
                link_rows=annex_links,
            )
        ],
    )


def resolutions_table(fd: dict) -> Table:
    """Table 1: conflicts of interest by type and how they were resolved, in the last two cycles."""
    table1_rows = []
    for year, block in fd["resolutions"].items():
        for kind in ("financial_interest", "outside_activity", "family_relationship", "total"):
            cells = block[kind]
            table1_rows.append([year, kind_label(kind), *[cells[r] for r in RESOLUTIONS], cells["total"]])
    return Table(
        _(
            "Conflicts of interest identified and how they were resolved, %(first)s and %(second)s filing cycles"
        )
        % {"first": fd["cycle"] - 1, "second": fd["cycle"]},
        [_("Filing cycle"), _("Type"), *[resolution_label(r) for r in RESOLUTIONS], _("Total")],
        table1_rows,
        number="1",
    )


def participation_table(fd: dict) -> Table:
    """Table 2: participation by entity group and filing year."""
    part = fd["participation"]
    groups = [g.value for g in EntityGroup]
    return Table(
        _("Financial disclosure participation by entity group and filing year"),
        [_("Filing year"), *[group_label(g) for g in groups], _("Total")],
        [[r["year"], *[r[g] for g in groups], r["total"]] for r in part],
        number="2",
    )


def _risk_assessment_section(block: dict) -> Section | None:
    """Section F: a short summary of each ethics and reputational risk assessment closed in the period."""
    waves = block.get("waves") or []
    if not waves:
        return None
    names = {
        r.code: r.name
        for r in Risk.objects.filter(code__in={t["risk"] for w in waves for t in w["top_risks"]})
    }
    paragraphs = []
    for wave in waves:
        paragraphs.append(
            _(
                "%(title)s surveyed a stratified random sample of %(invited)s staff in %(missions)s missions "
                "from %(fielded)s to %(closed)s; %(responses)s responded (%(rate)s%%). Answers are anonymous "
                "and results are published only for groups large enough that no one can be singled out."
            )
            % {
                "title": wave["title"],
                "invited": n(wave["invited"]),
                "missions": n(wave["missions"]),
                "fielded": long_date(dt.date.fromisoformat(wave["fielded"])) if wave["fielded"] else "—",
                "closed": long_date(dt.date.fromisoformat(wave["closed"])),
                "responses": n(wave["responses"]),
                "rate": n(wave["response_rate_pct"]),
            }
        )
        if wave["top_risks"]:
            paragraphs.append(
                _("The risks staff rated most likely and most severe were: %(risks)s.")
                % {
                    "risks": "; ".join(
                        _("%(risk)s (likelihood %(likelihood)s, severity %(severity)s)")
                        % {
                            "risk": names.get(t["risk"], t["risk"]),
                            "likelihood": n(t["likelihood"]),
                            "severity": n(t["severity"]),
                        }
                        for t in wave["top_risks"]
                    )
                }
            )
    return Section(_("Ethics and reputational risk assessment"), paragraphs)


def _pct_rest(pct):
    if pct is None:
        return None
    return round(100 - pct, 1)
