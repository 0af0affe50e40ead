"""The report as a General Assembly document, read back in the six official languages: the
masthead and its symbol, the title, the layout rules, and numbers equal to the JSON's."""

import io
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from reports import cache as report_cache
from reports import exports
from reports.cache import OFFICIAL_LANGUAGES
from reports.document import build_document, n
from reports.queries import annual_report

# The history is loaded once for the module (tests/reports/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_module_history")]

PERIOD = "2011-2012"
SYMBOL = "A/67/306"


def _spaces(text: str) -> str:
    """French and Russian group thousands with (narrow) no-break spaces; extraction may give either."""
    return re.sub(r"[\u00a0\u202f\u2009 ]+", " ", text)


def _expected_numbers(report) -> list[str]:
    total = report["disclosure"]["compliance_by_group"]["total"]
    return [n(report["service_requests"]["total"]), n(total["required"]), n(total["filed"])]


@pytest.fixture
def report(history):
    return annual_report(PERIOD)


def _docx(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    return document, paragraphs, cells


def _blank_chart(figure, fmt="svg") -> bytes:
    """A one-pixel image in place of a drawn chart: the charts (their labels in each language)
    are tested in test_exports.py; here they would be 72 drawings that prove nothing more."""
    import struct
    import zlib

    if fmt == "svg":
        return b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5" viewBox="0 0 10 5"/>'

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_each_language_in_pdf_word_and_excel(report, monkeypatch):
    """Each format opens in each language with its masthead, title and the JSON's numbers (one
    test for the six, so the history is loaded once)."""
    from reports import charts

    monkeypatch.setattr(charts, "render", _blank_chart)
    for language in OFFICIAL_LANGUAGES:
        _check_language(report, language)


def _check_language(report, language):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    with translation.override(language):
        document = build_document(report)
        title, numbers = _("Activities of the Ethics Office"), _expected_numbers(report)
        annex_sheet = _("Annex")[:31]
        pdf, docx_data, xlsx = (exports.render(report, fmt) for fmt in ("pdf", "docx", "xlsx"))
    assert document.masthead.symbol == SYMBOL

    # Word: the symbol in the masthead and the running header, the title, the numbers.
    word, paragraphs, cells = _docx(docx_data)
    assert word.tables[0].rows[0].cells[1].text == SYMBOL
    assert word.sections[0].header.paragraphs[0].text == SYMBOL
    assert title in paragraphs
    text = _spaces(" ".join(paragraphs + [c for row in cells for c in row]))
    for number in numbers:
        assert _spaces(number) in text, (language, number)
    right_to_left = word.element.body.findall(".//{*}bidi")
    assert bool(right_to_left) == (language == "ar")

    # PDF: pages, the symbol, the numbers; Arabic set in an Arabic font.
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 4
    text = _spaces("\n".join(page.extract_text() for page in reader.pages))
    assert SYMBOL in text
    assert text.count(SYMBOL) >= len(reader.pages)  # the masthead and every later page's header
    for number in numbers:
        assert _spaces(number) in text, (language, number)
    if language != "ar":  # Arabic comes back in presentation forms; the Word check covers its text
        assert title in text.replace("\n", " ")
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    if language == "ar":
        assert any("Arabic" in name for name in fonts), fonts
    if language == "zh-hans":
        assert any("CJK" in name for name in fonts), fonts

    # Excel: the annex's total row equals the JSON.
    book = load_workbook(io.BytesIO(xlsx))
    total = report["disclosure"]["compliance_by_group"]["total"]
    last = list(book[annex_sheet].iter_rows(values_only=True))[-1]
    assert list(last[1:]) == [total["required"], total["filed"], total["non_compliant"]]


def test_the_word_file_is_a4_with_the_pdf_margins_and_tables_that_hold_together(report):
    from docx.shared import Cm

    word, paragraphs, _cells = _docx(exports.render(report, "docx"))
    section = word.sections[0]
    measured = [section.page_width, section.page_height, section.top_margin, section.right_margin,
                section.bottom_margin, section.left_margin]  # fmt: skip
    wanted = [Cm(21.0), Cm(29.7), *(Cm(m) for m in exports.MARGINS)]
    assert all(abs(a - b) < Cm(0.01) for a, b in zip(measured, wanted, strict=True)), measured
    assert paragraphs[:3] == ["Sixty-seventh session", "Item 135 of the provisional agenda",
                              "Human resources management"]  # fmt: skip
    assert any(p.startswith("1. From 1 August 2011") for p in paragraphs)  # numbered paragraphs
    for table in word.tables[1:]:
        rows = table.rows
        assert rows[0]._tr.find(".//{*}tblHeader") is not None  # the header row repeats
        assert all(row._tr.find(".//{*}cantSplit") is not None for row in rows)
        # The header and the first rows keep with the next: never a table broken after one row.
        if len(rows) > 2:
            assert rows[1].cells[0].paragraphs[0].paragraph_format.keep_with_next
    headings = [p for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings and all(p.paragraph_format.keep_with_next for p in headings)


def test_the_figure_titles_are_written_once_above_the_images():
    """Captions are the document's paragraphs; the chart images carry no text of the title."""
    from reports import charts
    from reports.document import Figure, Table

    figure = Figure("I", "Requests by period", "bar", ["2010-2011", "2011-2012"], [("Requests", [766, 887])],
                    Table("Requests by period", [], []))  # fmt: skip
    svg = charts.render(figure, "svg").decode()
    assert figure.title not in svg and "Figure I" not in svg


def test_an_unknown_period_gets_its_session_and_no_symbol():
    with translation.override("en"):
        masthead = build_document(annual_report("2010-2011")).masthead
    assert masthead.symbol == "" and masthead.session == "Sixty-sixth session"


def test_the_figures_are_cached_and_a_change_moves_them_on(report, client_for):
    """The page's figures come from the cache until a record changes; the next opening shows the change."""
    from ethics_office.intake.models import ServiceCategory, ServiceRequest

    client = client_for("director")
    assert client.get(f"/reports/annual/{PERIOD}/").status_code == 200
    version = report_cache.version()
    assert report_cache.report(PERIOD) == report
    ServiceRequest.objects.create(
        ref="SR-CACHE-1", received="2011-09-01", category=ServiceCategory.objects.get(code="training")
    )
    assert report_cache.version() > version
    assert report_cache.report(PERIOD)["service_requests"]["total"] == report["service_requests"]["total"] + 1
    # The page opens on the latest period with data, not an empty current one.
    response = client.get("/reports/")
    assert response.status_code == 302 and response["Location"] == f"/reports/annual/{PERIOD}/"


def test_a_records_import_moves_the_figures_on(history):
    from reports.records.services import records_import

    before = report_cache.report(PERIOD)["panel"]["meetings"]
    records_import(actor=None, lines=[b'{"type": "panel_meeting", "ref": "EP-99-01", "date": "2011-09-15"}'])
    assert report_cache.report(PERIOD)["panel"]["meetings"] == before + 1


def test_the_warm_up_task_renders_the_latest_period(history, monkeypatch):
    from reports.tasks import warm_reports

    monkeypatch.setattr(report_cache, "OFFICIAL_LANGUAGES", ("en",))  # one language is enough here
    warm_reports.run()
    with translation.override("en"):
        data = report_cache.report(PERIOD)
        key = report_cache.document_key(data, "pdf", build_document(data).masthead)
    from django.core.cache import cache

    assert cache.get(key, b"")[:4] == b"%PDF"


def test_an_administrator_sets_a_periods_symbol_in_the_admin(client_for):
    """The symbol, session and agenda item are admin-editable; the change is audited and shows."""
    from django.urls import reverse

    from ethics_office.audit.models import Action, AuditEvent
    from reports.models import ReportSymbol

    response = client_for("admin").post(
        reverse("admin:reports_reportsymbol_add"),
        {
            "period": "2012-2013",
            "symbol": "A/68/348",
            "session": "68",
            "agenda_item": "",
            "agenda_title": "",
            "issued": "2013-08-20",
        },  # fmt: skip
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    symbol = ReportSymbol.objects.get(period="2012-2013")
    assert AuditEvent.objects.filter(object_type="reports.reportsymbol", action=Action.CREATE).exists()
    with translation.override("en"):
        masthead = build_document(annual_report("2012-2013")).masthead
    assert (masthead.symbol, masthead.date, masthead.session) == (
        symbol.symbol,
        "20 August 2013",
        "Sixty-eighth session",
    )
