"""The results laid out once (titles, tables, figures) in the active language; the page, Word
and PDF all render this one structure, as the annual report does with its own layout."""

import base64
import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from ethics_office.base.fonts import CJK_FONT
from ethics_office.base.wording import long_date

from . import charts
from .models import GradeGroup
from .results import Results

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list]
    slug: str = ""


@dataclass
class Chart:
    title: str
    slug: str
    render: object  # fmt -> bytes (not a template attribute: templates use data_uri)
    table: Table
    is_chart = True

    def draw(self, fmt: str) -> bytes:
        return self.render(fmt)

    draw.do_not_call_in_templates = True

    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.draw("svg")).decode()


@dataclass
class ResultsDocument:
    title: str
    facts: list[tuple[str, str]]
    blocks: list = field(default_factory=list)  # Table | Chart, in order


def fmt(value, places=2) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return number_format(round(value, places), places)
    return number_format(value, force_grouping=True)


def pct(share) -> str:
    return "—" if share is None else number_format(round(100 * share, 1), 1)


def ci(cell) -> str:
    if cell.ci_low is None:
        return "—"
    return f"{fmt(cell.ci_low)}–{fmt(cell.ci_high)}"


def build(assessment, results: Results, *, missions: set[str] | None, office: bool) -> ResultsDocument:
    """missions: None for the office (every mission, totals, strata); else only these missions' cells."""
    k = results.min_cell_size
    facts = [
        (_("Questionnaire"), str(assessment.instrument)),
        (_("Status"), assessment.get_status_display()),
        (_("Fielded"), long_date(assessment.fielded)),
        (_("Closed"), long_date(assessment.closed)),
        (_("Minimum cell size"), fmt(k)),
    ]
    if office:
        facts.append((_("Respondents"), fmt(results.respondents)))
    blocks: list = []
    items = {i.code: i for i in results.items}
    suppressed = _("fewer than %(k)s respondents") % {"k": k}

    def row(label, cell):
        if cell.suppressed:
            return [label, suppressed, "—", "—", "—"]
        return [label, fmt(cell.n), fmt(cell.mean), ci(cell), pct(cell.share_favourable)]

    header = [
        _("Question"),
        _("Respondents"),
        _("Mean (1–5)"),
        _("Confidence interval (95%)"),
        _("Favourable (%)"),
    ]
    if office:
        blocks.append(
            Table(
                _("Response rates by stratum"),
                [
                    _("Mission"),
                    _("Grade group"),
                    _("Population"),
                    _("Sample"),
                    _("Invited"),
                    _("Answered"),
                    _("Response rate (%)"),
                ],
                [
                    [
                        r["mission"],
                        r["grade_group_label"],
                        fmt(r["population"]),
                        fmt(r["sample"]),
                        fmt(r["invited"]),
                        suppressed if r["answered"] is None else fmt(r["answered"]),
                        fmt(r["rate"], 1),
                    ]
                    for r in results.strata
                ],
                slug="strata",
            )
        )
        sections: dict = {}
        for item in results.items:
            sections.setdefault(item.section, []).append(item)
        for section, section_items in sections.items():
            cells = [results.overall[i.code] for i in section_items]
            table = Table(
                section.title, header, [row(i.text, results.overall[i.code]) for i in section_items]
            )
            labels = [i.code for i in section_items]
            shares = [c.share_favourable for c in cells]
            title = _("%(section)s: favourable answers (%%)") % {"section": section.title}
            blocks.append(
                Chart(
                    title,
                    f"section-{section.code}",
                    lambda f, labels=labels, shares=shares, title=title: charts.cached(
                        charts.section_bars, f, labels=labels, shares=shares, title=title
                    ),
                    table,
                )
            )
        blocks.append(
            Table(
                _("By grade group"),
                [_("Grade group"), *header],
                [
                    [GradeGroup(g).label, *row(items[code].text, cell)]
                    for (g, code), cell in sorted(
                        results.by_grade.items(), key=lambda kv: (kv[0][1], kv[0][0])
                    )
                ],
                slug="grade-groups",
            )
        )
    chosen = sorted(results.missions if missions is None else set(results.missions) & missions)
    for mission in chosen:
        blocks.append(
            Table(
                _("Mission %(mission)s") % {"mission": mission},
                header,
                [
                    row(items[code].text, cell)
                    for (m, code), cell in results.by_mission.items()
                    if m == mission
                ]
                + [
                    row(_("Risk: %(risk)s") % {"risk": r.name}, results.risk_by_mission[(mission, r.code)])
                    for r in results.risks
                ],
                slug=f"mission-{mission}",
            )
        )
    if office:
        risk_table = Table(
            _("Risks: perception, likelihood and severity"),
            [_("Risk"), _("Respondents"), _("Favourable (%)"), _("Likelihood (1–5)"), _("Severity (1–5)")],
            [],
            slug="risks",
        )
        heat_points = []
        for point in results.heat:
            cell = results.risk_overall.get(point["risk"])
            risk_table.rows.append(
                [
                    point["name"],
                    fmt(cell.n) if cell and not cell.suppressed else "—",
                    pct(cell.share_favourable) if cell else "—",
                    fmt(point["likelihood"]),
                    fmt(point["severity"]),
                ]
            )
            heat_points.append({**point, "label": point["name"]})
        title = _("Risk heat map: perceived likelihood and severity")
        blocks.append(
            Chart(
                title,
                "heat-map",
                lambda f, axes=(_("Likelihood"), _("Severity")): charts.cached(  # noqa: B008 (labels in the active language)
                    charts.heat_map, f, points=heat_points, title=title, x_label=axes[0], y_label=axes[1]
                ),
                risk_table,
            )
        )
        if results.choices:
            blocks.append(
                Table(
                    _("Choice questions"),
                    [_("Question"), _("Respondents"), _("Option"), _("Share (%)")],
                    [
                        [
                            c["text"],
                            suppressed if c["n"] is None else fmt(c["n"]),
                            o["label"],
                            pct(o["share"]),
                        ]
                        for c in results.choices
                        for o in c["options"]
                    ],
                    slug="choices",
                )
            )
        if results.comparison:
            blocks.append(
                Table(
                    _("Change since the earlier wave"),
                    [
                        _("Mission"),
                        _("Question"),
                        _("Earlier"),
                        _("Now"),
                        pgettext("wave comparison", "Change"),
                        _("p-value"),
                        _("Significant"),
                    ],
                    [
                        [
                            c["mission"] or _("All missions"),
                            items[c["item"]].text if c["item"] in items else c["item"],
                            fmt(c["earlier"]),
                            fmt(c["later"]),
                            fmt(c["change"]),
                            fmt(c["p_value"], 3) if c["p_value"] is not None else "—",
                            _("yes") if c["significant"] else _("no"),
                        ]
                        for c in results.comparison
                    ],
                    slug="comparison",
                )
            )
    return ResultsDocument(assessment.title, facts, blocks)


def filename(assessment, ext: str) -> str:
    language = "zh" if (get_language() or "").startswith("zh") else "en"
    return f"ethics-risk-assessment-{assessment.pk}-{language}.{ext}"


def to_docx(document: ResultsDocument) -> bytes:
    from docx import Document as Docx
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Docx()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), CJK_FONT)
    doc.add_heading(document.title, level=0)
    for label, value in document.facts:
        doc.add_paragraph(f"{label}: {value}", style="List Bullet")
    for block in document.blocks:
        table = block.table if isinstance(block, Chart) else block
        doc.add_heading(block.title, level=2)
        if isinstance(block, Chart):
            doc.add_picture(io.BytesIO(block.draw("png")), width=Cm(15))
        grid = doc.add_table(rows=1, cols=len(table.header))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
            cell.text = str(text)
        for values in table.rows:
            for cell, value in zip(grid.add_row().cells, values, strict=True):
                cell.text = str(value)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_pdf(document: ResultsDocument) -> bytes:
    from weasyprint import HTML

    from ethics_office.base.fonts import register_fonts

    register_fonts()
    html = render_to_string("assessment/print.html", {"document": document, "lang": get_language()})
    return HTML(string=html).write_pdf()
