"""Each export read back: the files open, carry the figures and tables, and their numbers are the JSON's."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from ethics_office.audit.models import Action, AuditEvent
from reports import exports
from reports.queries import annual_report

# The history is loaded once for the module (tests/reports/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_module_history")]

FIGURES = ["Figure I", "Figure II", "Figure III", "Figure IV", "Figure V", "Figure VI"]


def _docx_text(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    return document, paragraphs, cells


def test_the_word_file_is_laid_out_like_the_un_document(history, tmp_path):
    """Sections, "Figure I …" captions with a picture, titled tables; the numbers equal the JSON."""
    report = annual_report("2011-2012")
    path = tmp_path / "report.docx"
    call_command("annual_report", "--period", "2011-2012", "--format", "docx", "--output", str(path))
    document, paragraphs, cells = _docx_text(path.read_bytes())
    for caption in FIGURES + ["Table 1", "Table 2"]:
        assert caption in paragraphs, caption
    assert len(document.inline_shapes) == 6
    assert any(p.startswith("IV. Protection against retaliation") for p in paragraphs)
    assert ["Department of Management", "237", "237", "0"] in cells
    total = report["disclosure"]["compliance_by_group"]["total"]
    assert [str(total and c) for c in cells[-1]] == ["Total", "4,306", "4,303", "3"]
    assert ["2011-2012", f"{report['service_requests']['total']}"] in cells


def test_the_word_file_in_chinese(history):
    with translation.override("zh-hans"):
        data = exports.render(annual_report("2011-2012"), "docx")
    _document, paragraphs, cells = _docx_text(data)
    assert "图一" in paragraphs
    assert any(row[0] == "管理事务部" for row in cells)


def test_the_workbook_has_a_sheet_per_table_and_figure_with_the_numbers(history):
    from openpyxl import load_workbook

    report = annual_report("2011-2012")
    book = load_workbook(io.BytesIO(exports.render(report, "xlsx")))
    assert {*FIGURES, "Table 1", "Table 2", "Annex"} <= set(book.sheetnames)
    figure_1 = {row[0]: row[1] for row in book["Figure I"].iter_rows(min_row=3, values_only=True)}
    assert figure_1 == {r["label"]: r["total"] for r in report["service_requests"]["by_period"]}
    table_2 = list(book["Table 2"].iter_rows(min_row=3, values_only=True))
    assert [list(r) for r in table_2] == [
        [r["year"], r["secretariat"], r["peacekeeping"], r["other"], r["total"]]
        for r in report["disclosure"]["participation"]
    ]
    annex = {row[0]: row[1:] for row in book["Annex"].iter_rows(min_row=3, values_only=True)}
    assert annex["Department of Management"] == (237, 237, 0)


@pytest.mark.parametrize(("language", "titles"), [("en", FIGURES), ("zh-hans", ["图一", "图六", "表 1"])])
def test_the_pdf_has_pages_and_the_figure_titles(history, language, titles):
    from pypdf import PdfReader

    with translation.override(language):
        data = exports.render(annual_report("2011-2012"), "pdf")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    text = "".join(page.extract_text() for page in reader.pages)
    for title in titles:
        assert title in text, title
    assert "887" in text and "4306" in text.replace(",", "").replace(" ", "")
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    if language == "zh-hans":
        assert any("CJK" in name for name in fonts), fonts


def test_a_download_from_the_page_is_audited(history, client_for):
    response = client_for("director").get("/reports/annual/2011-2012/download/docx/")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    assert AuditEvent.objects.filter(action=Action.EXPORT, fields__contains=["docx"]).exists()
