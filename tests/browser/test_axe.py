"""axe-core (tests/browser/vendor/axe-core, `make vendor`) on every HTML page the access matrix reaches:
0 violations at WCAG 2.2 AA, in English and in Arabic (right to left).

The suite checks each distinct page once per language, as one role that can see it (one browser
context per role, reused). `make axe` (AXE_ALL=1) checks every role × page × language.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.access.conftest import build_world
from tests.access.matrix import ROLES
from tests.access.test_matrix import ALL_ROWS

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
EVERY_ROLE = os.environ.get("AXE_ALL") == "1"
# The role a page is checked as when one role is enough: the richest view first.
PREFERENCE = [
    "director",
    "officer",
    "staff",
    "focalpoint",
    "reviewer",
    "panel",
    "admin",
    "staff2",
    "officer2",
]
PREFERENCE += [r for r in ROLES if r not in PREFERENCE]


def _pages():
    """(role, row) for every GET row that answers 200: one role per page, or every role (AXE_ALL)."""
    chosen, seen = [], set()
    for _module, row in ALL_ROWS:
        if row.method != "GET" or row.url_name.startswith("api") or row.content_type:
            continue
        key = (row.url_name, row.query, row.note)
        roles = [r for r in PREFERENCE if row.status_for(r) == 200]
        if not roles or key in seen:
            continue
        seen.add(key)
        chosen.extend((role, row) for role in (roles if EVERY_ROLE else roles[:1]))
    return chosen


def run_axe(page):
    page.evaluate(AXE)
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
        }""",
        TAGS,
    )


class Contexts:
    """One browser context per role (signed in by session cookie), reused for all its pages."""

    def __init__(self, browser, base_url, people, language):
        self.browser, self.base_url, self.people, self.language = browser, base_url, people, language
        self.pages = {}

    def page_for(self, role):
        if role not in self.pages:
            context = self.browser.new_context(base_url=self.base_url, locale="en-GB", bypass_csp=True)
            context.set_default_timeout(15_000)
            cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": self.language, "url": self.base_url}]
            if role != "anonymous":
                client = Client()
                client.force_login(self.people[role])
                session = client.cookies[settings.SESSION_COOKIE_NAME].value
                cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": self.base_url})
            context.add_cookies(cookies)
            self.pages[role] = context.new_page()
        return self.pages[role]

    def close(self):
        for page in self.pages.values():
            page.context.close()


def check_pages(browser, live_server, people, language, expect_dir, world):
    contexts = Contexts(browser, live_server.url, people, language)
    failures, checked = [], 0
    try:
        # axe itself finds what it should: an image without a text alternative.
        probe = contexts.page_for("anonymous")
        probe.set_content(
            '<html lang="en"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>'
        )
        assert "image-alt" in {v["id"] for v in run_axe(probe)}
        for role, row in _pages():
            if row.setup:
                row.setup(world, role)
            url = reverse(row.url_name, kwargs=row.kwargs(world) if row.kwargs else None)
            if row.query:
                url = f"{url}?{row.query}"
            page = contexts.page_for(role)
            head = page.context.request.get(url, max_redirects=0)
            if head.status != 200:
                failures.append(f"{role} {url}: answered {head.status}, the access matrix says 200")
                continue
            if "text/html" not in head.headers.get("content-type", ""):
                continue  # a download (PDF, CSV, a letter): no page to check
            page.goto(url)
            if page.locator("html").get_attribute("dir") != expect_dir:
                failures.append(f"{role} {url}: html dir is not {expect_dir}")
            checked += 1
            for violation in run_axe(page):
                failures.append(
                    f"{role} {url}: {violation['id']} ({violation['impact']}) {violation['help']} {violation['nodes']}"
                )
    finally:
        contexts.close()
    print(f"axe ({language}): {checked} pages checked, {len(failures)} violations")
    assert checked >= 20, f"only {checked} pages were checked"
    assert not failures, f"{len(failures)} axe violations:\n" + "\n".join(failures)


@pytest.mark.parametrize(("language", "expect_dir"), [("en", "ltr"), ("ar", "rtl")])
def test_axe_every_page(browser, live_server, transactional_db, people, settings, language, expect_dir):
    world = build_world(people)
    check_pages(browser, live_server, people, language, expect_dir, world)
