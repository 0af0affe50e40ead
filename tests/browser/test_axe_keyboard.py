"""Keyboard only (Tab, Enter, Space, typing): "ask for advice" and "submit a statement" from the home page,
through the skip link and the header's menus, with a visible focus indicator on every stop."""

import pytest

from advisory.models import AdviceRequest
from tests.disclosure.factories import CycleFactory, FilerFactory

pytestmark = pytest.mark.browser

FOCUS_VISIBLE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
}"""


def tab_to(page, matches, limit=80):
    """Press Tab until the focused element matches (a JS predicate over `el`); check focus is visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({matches}); }}"):
            assert page.evaluate(FOCUS_VISIBLE), f"no visible focus on {matches}"
            return
    raise AssertionError(f"Tab never reached {matches}")


def text_is(text):
    return f"el.textContent.trim() === {text!r}"


def start_at_home(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('govuk-skip-link')")
    assert page.evaluate(FOCUS_VISIBLE)


def test_keyboard_only_ask_for_advice(page, login):
    login("staff")
    start_at_home(page)
    tab_to(page, "el.tagName === 'SUMMARY' && " + text_is("Advice"))
    page.keyboard.press("Enter")  # opens the menu
    tab_to(page, text_is("Ask for advice"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/advisory/ask/")
    tab_to(page, "el.type === 'radio'")
    page.keyboard.press("Space")
    tab_to(page, "el.name === 'question'")
    page.keyboard.type("May I accept a book from a vendor after a meeting?")
    tab_to(page, "el.type === 'submit' && el.closest('main')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/submitted/")
    ref = page.locator(".ref").inner_text()
    assert AdviceRequest.objects.get(service_request__ref=ref).question.startswith("May I accept a book")


def test_keyboard_only_submit_a_statement(page, login, people):
    filer = FilerFactory(cycle=CycleFactory(), person=people["staff"].person, grade="P-3")
    login("staff")
    page.goto(f"/disclosure/filings/{filer.pk}/statement/")
    page.keyboard.press("Tab")  # the skip link, then into the page
    page.keyboard.press("Enter")
    tab_to(page, "el.id === 'id_assets'")
    page.keyboard.type("Shares in Acme Corp")
    tab_to(page, "el.id === 'id_certify'")
    page.keyboard.press("Space")
    tab_to(page, "el.name === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "submitted" in page.locator(".messages").inner_text()
    assert "Filed" in page.locator("#filing-status").inner_text()


@pytest.mark.parametrize(
    ("role", "language"),
    [("director", "en"), ("officer", "en"), ("staff", "en"), ("admin", "en")]
    + [("director", language) for language in ("ar", "zh-hans", "fr", "ru", "es")],
)
def test_the_navigation_never_wraps_at_1280_pixels(page, login, role, language, live_server):
    """The Director has the most menus; the longest labels are French and Russian."""
    page.set_viewport_size({"width": 1280, "height": 800})
    login(role)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto("/")
    tops = page.eval_on_selector_all(
        ".site-nav__item", "items => items.map(i => i.getBoundingClientRect().top)"
    )
    assert tops and len(set(round(t) for t in tops)) == 1, (
        f"{role} in {language}: the navigation wraps ({tops})"
    )
