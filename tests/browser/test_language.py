import pytest

pytestmark = pytest.mark.browser


def test_staff_switches_to_chinese_and_sees_the_home_page_in_chinese(page, login):
    """`staff` logs in, picks 中文 in the language switcher, and the home page speaks Chinese."""
    login("staff")
    assert page.locator("h1").inner_text().startswith("Welcome")
    page.select_option("#language-select", "zh-hans")
    page.click("form.lang button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    heading = page.locator("h1").inner_text()
    assert heading.startswith("欢迎"), heading
    assert "退出" in page.locator("header").inner_text()
