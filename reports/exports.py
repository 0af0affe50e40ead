"""The report as Word, PDF and Excel, in the active language, from the one Document layout."""

import base64
import io

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ethics_office.base.i18n import active_language

from . import charts
from .document import Document, Figure, Table, build_document, n

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "json": "application/json",
}


def render(report: dict, fmt: str) -> bytes:
    document = build_document(report)
    return {"docx": to_docx, "pdf": to_pdf, "xlsx": to_xlsx}[fmt](document)


def filename(report: dict, fmt: str) -> str:
    language = active_language()
    return f"ethics-office-annual-report-{report['period']['label']}-{language}.{fmt}"


def _cell(value) -> str:
    return (
        n(value)
        if isinstance(value, int | float) and not isinstance(value, bool) or value is None
        else str(value)
    )


def to_docx(document: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Docx()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    # East Asian text needs its own font slot, or Word falls back to a font without CJK glyphs.
    style.element.rPr.rFonts.set(qn("w:eastAsia"), charts.CJK_FONT)
    doc.add_heading(document.title, level=0)
    doc.add_paragraph(document.subtitle).italic = True
    summary = doc.add_heading(_("Summary"), level=1)
    summary.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for label, value, _key in document.headline:
        doc.add_paragraph(f"{label}: {_cell(value)}", style="List Bullet")
    number = 0
    for roman, section in zip(_romans(len(document.sections)), document.sections, strict=True):
        heading = section.title if section.title == _("Annex") else f"{roman}. {section.title}"
        doc.add_heading(heading, level=1)
        for text in section.paragraphs:
            number += 1
            doc.add_paragraph(f"{number}. {text}")
        for block in section.blocks:
            if isinstance(block, Figure):
                caption = doc.add_paragraph()
                caption.add_run(block.caption).bold = True
                doc.add_paragraph(block.title).italic = True
                doc.add_picture(io.BytesIO(charts.render_cached(block, "png")), width=Cm(16))
                _docx_table(doc, block.table)
            else:
                if block.caption:
                    doc.add_paragraph().add_run(block.caption).bold = True
                doc.add_paragraph().add_run(block.title).bold = True
                _docx_table(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_table(doc, table: Table):
    grid = doc.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = _cell(value)
    doc.add_paragraph()


def _romans(count: int) -> list[str]:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][:count]


def to_pdf(document: Document) -> bytes:
    from weasyprint import HTML

    charts.register_fonts()
    figures = {
        f.slug: "data:image/svg+xml;base64," + base64.b64encode(charts.render_cached(f, "svg")).decode()
        for f in document.figures()
    }
    html = render_to_string(
        "reports/print.html",
        {
            "document": document,
            "figures": figures,
            "sections": numbered_sections(document),
            "lang": get_language(),
        },
    )
    return HTML(string=html).write_pdf()


def numbered_sections(document: Document):
    return list(zip(_romans(len(document.sections)), document.sections, strict=True))


def to_xlsx(document: Document) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Summary")[:31]
    sheet.append([document.title])
    sheet.append([document.subtitle])
    sheet.append([])
    for label, value, _key in document.headline:
        sheet.append([label, value])
    sheet["A1"].font = Font(bold=True, size=14)
    for block in [*document.figures(), *document.tables()]:
        table = block.table if isinstance(block, Figure) else block
        name = block.caption or _("Annex")
        ws = book.create_sheet(name[:31])
        ws.append([f"{name} {block.title}".strip()])
        ws["A1"].font = Font(bold=True)
        ws.append(table.header)
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            ws.append(row)
        ws.column_dimensions["A"].width = 48
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
