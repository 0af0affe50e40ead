import io

import pytest

from reports.records import demo

pytestmark = pytest.mark.browser


def test_admin_reads_the_2011_2012_report_in_chinese_and_downloads_the_word_file(page, login):
    """`admin` opens the 2011-2012 report, switches to 中文, and downloads a Word file that opens."""
    import docx

    demo.seed(io.StringIO())
    login("admin")
    page.goto("/reports/")
    page.select_option("#period-select", "2011-2012")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/reports/annual/2011-2012/")
    assert page.locator("h1").inner_text() == "Activities of the Ethics Office"
    assert "887" in page.locator(".headline").inner_text()
    page.select_option("#language-select", "zh-hans")
    page.click("form.lang button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "道德操守办公室的活动"
    assert page.locator("#figure-i figcaption").inner_text().startswith("图一")
    with page.expect_download() as download_info:
        page.click("text=Word 文档")
    download = download_info.value
    assert download.suggested_filename.endswith("-zh.docx")
    document = docx.Document(download.path())
    paragraphs = [p.text for p in document.paragraphs]
    assert "道德操守办公室的活动" in paragraphs and "图一" in paragraphs


def test_admin_uploads_records_sees_the_dry_run_and_confirms(page, login, tmp_path):
    """The upload shows what would be written (checked by a worker: eager here); nothing is written
    until the administrator confirms, and the job page then says what was imported."""
    from ethics_office.intake.models import ServiceRequest

    path = tmp_path / "records.jsonl"
    path.write_text(
        '{"type": "service_request", "ref": "SR-UP-1", "received": "2011-09-01", "category": "training"}\n'
        '{"type": "panel_meeting", "ref": "EP-UP-1", "date": "2011-09-15"}\n'
    )
    login("admin")
    page.goto("/reports/import/")
    page.set_input_files("input[name=file]", str(path))
    page.click("text=Check the file")
    page.wait_for_selector("#dry-run-heading")
    assert "service_request" in page.locator("section").first.inner_text()
    assert not ServiceRequest.objects.filter(ref="SR-UP-1").exists()
    page.click("text=Confirm the import")
    page.wait_for_selector("#import-job .success")
    assert "Imported 2 records" in page.locator("#import-job").inner_text()
    assert ServiceRequest.objects.filter(ref="SR-UP-1", channel="import").exists()
