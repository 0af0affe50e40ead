"""The report as Word, PDF and Excel, in the active language, from the one Document layout."""

import base64
import io

from django.template.loader import render_to_string
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from ethics_office.base.fonts import ARABIC_FONT, is_right_to_left
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


# A4 with the margins of the PDF (print.html's @page), in centimetres: top, right, bottom, left.
MARGINS = (2.0, 2.0, 2.2, 2.0)
SHORT_TABLE = 15  # rows: a table this short is kept on one page


def to_docx(document: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    rtl = is_right_to_left(get_language())
    doc = Docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    top, right, bottom, left = MARGINS
    section.top_margin, section.right_margin = Cm(top), Cm(right)
    section.bottom_margin, section.left_margin = Cm(bottom), Cm(left)
    section.start_type = WD_SECTION.NEW_PAGE
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    fonts = style.element.rPr.rFonts
    # East Asian and right-to-left text have their own font slots, or Word falls back to a
    # font without their glyphs.
    fonts.set(qn("w:eastAsia"), charts.CJK_FONT)
    fonts.set(qn("w:cs"), ARABIC_FONT)
    masthead = document.masthead
    _docx_running_header(section, masthead.symbol if masthead else "", rtl)
    if masthead:
        _docx_masthead(doc, masthead, rtl)
    title = doc.add_heading(document.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = doc.add_paragraph()
    subtitle.add_run(document.subtitle).italic = True
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading(pgettext("annual report", "Summary"), level=1).paragraph_format.keep_with_next = True
    for label, value, _key in document.headline:
        doc.add_paragraph(f"{label}: {_cell(value)}", style="List Bullet")
    number = 0
    for roman, section_ in zip(_romans(len(document.sections)), document.sections, strict=True):
        heading = section_.title if section_.title == _("Annex") else f"{roman}. {section_.title}"
        doc.add_heading(heading, level=1).paragraph_format.keep_with_next = True
        for text in section_.paragraphs:
            number += 1
            doc.add_paragraph(f"{number}. {text}")
        for block in section_.blocks:
            if isinstance(block, Figure):
                caption = doc.add_paragraph()
                caption.add_run(block.caption).bold = True
                caption.paragraph_format.keep_with_next = True
                title_ = doc.add_paragraph()
                title_.add_run(block.title).italic = True
                title_.paragraph_format.keep_with_next = True
                doc.add_picture(io.BytesIO(charts.render_cached(block, "png")), width=Cm(16))
                doc.paragraphs[-1].paragraph_format.keep_with_next = True
                _docx_table(doc, block.table)
            else:
                if block.caption:
                    caption = doc.add_paragraph()
                    caption.add_run(block.caption).bold = True
                    caption.paragraph_format.keep_with_next = True
                title_ = doc.add_paragraph()
                title_.add_run(block.title).bold = True
                title_.paragraph_format.keep_with_next = True
                _docx_table(doc, block)
    if rtl:
        _docx_right_to_left(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_masthead(doc, masthead, rtl: bool):
    """United Nations and the symbol on one line, General Assembly, distribution and date, the session."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    grid = doc.add_table(rows=2, cols=2)
    un, symbol = grid.rows[0].cells
    un.paragraphs[0].add_run(_("United Nations")).bold = True
    symbol.paragraphs[0].add_run(masthead.symbol).bold = True
    symbol.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT if rtl else WD_ALIGN_PARAGRAPH.RIGHT
    assembly, distribution = grid.rows[1].cells
    run = assembly.paragraphs[0].add_run(_("General Assembly"))
    run.bold, run.font.size = True, Pt(16)
    distribution.paragraphs[0].add_run(masthead.distribution)
    if masthead.date:
        distribution.add_paragraph(masthead.date)
    for line in masthead.lines:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    doc.add_paragraph()


def _docx_running_header(section, symbol: str, rtl: bool):
    """Every page: the symbol, then the page number (a PAGE field Word fills in)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = section.header.paragraphs[0]
    header.text = symbol
    header.alignment = WD_ALIGN_PARAGRAPH.LEFT if rtl else WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _docx_right_to_left(doc):
    """Arabic: every paragraph (body, tables, header and footer) and every table right to left."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    body = doc.element.body
    parts = [body, *(s.header._element for s in doc.sections), *(s.footer._element for s in doc.sections)]
    for part in parts:
        for p in part.iter(qn("w:p")):
            ppr = p.get_or_add_pPr()
            if ppr.find(qn("w:bidi")) is None:
                ppr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
            for r in p.iter(qn("w:r")):
                rpr = r.get_or_add_rPr()
                if rpr.find(qn("w:rtl")) is None:
                    rpr.insert_element_before(OxmlElement("w:rtl"), *_AFTER_RTL)
        for tbl in part.iter(qn("w:tbl")):
            tblpr = tbl.tblPr
            if tblpr.find(qn("w:bidiVisual")) is None:
                tblpr.insert_element_before(OxmlElement("w:bidiVisual"), *_AFTER_BIDI_VISUAL)


# Where WordprocessingML wants each element: the siblings that must come after it.
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
               "w:pPrChange")  # fmt: skip
_AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_BIDI_VISUAL = ("w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing",
                      "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                      "w:tblCaption", "w:tblDescription", "w:tblPrChange")  # fmt: skip


def _docx_table(doc, table: Table):
    """The header row repeats on every page; no row splits across pages; a short table stays whole."""
    from docx.oxml import OxmlElement

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
    short = len(table.rows) <= SHORT_TABLE
    for index, row in enumerate(grid.rows):
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if index == 0:
            trpr.append(OxmlElement("w:tblHeader"))
        # Word keeps a table together when every row but the last keeps with the next; a long
        # table keeps at least its header and first two rows together.
        if index < len(grid.rows) - 1 and (short or index < 2):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
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
            "dir": "rtl" if is_right_to_left(get_language()) else "ltr",
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
    sheet.title = pgettext("annual report", "Summary")[:31]
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
