"""The UI speaks the six official languages; every catalogue is complete and compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

CATALOGUES = sorted(Path(settings.BASE_DIR).glob("**/locale/*/LC_MESSAGES/django.po"))
CATALOGUES = [p for p in CATALOGUES if ".venv" not in p.parts]


def test_there_is_a_catalogue_for_the_project():
    assert Path(settings.BASE_DIR, "locale/zh_Hans/LC_MESSAGES/django.po") in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_message_is_translated_and_compiled(path):
    """No empty or fuzzy entry in any catalogue, and its .mo is built."""
    po = polib.pofile(str(path))
    untranslated = [e.msgid for e in po if not e.obsolete and not (e.msgstr or any(e.msgstr_plural.values()))]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags and not e.obsolete]
    assert untranslated == [], f"untranslated in {path}: {untranslated[:20]}"
    assert fuzzy == [], f"fuzzy in {path}: {fuzzy[:20]}"
    assert path.with_suffix(".mo").exists(), f"{path} is not compiled (make compilemessages)"


@pytest.mark.django_db
def test_set_language_switches_the_page_to_chinese(client_for):
    """Posting zh-hans to the language switch makes the next page Chinese."""
    c = client_for("staff")
    response = c.post(reverse("set_language"), {"language": "zh-hans", "next": "/"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="zh-hans" dir="ltr"' in page
    assert "待您处理的事项" in page and "What is waiting for you" not in page


@pytest.mark.django_db
def test_a_chinese_browser_gets_chinese(client_for):
    """An Accept-Language of zh-CN maps to Simplified Chinese."""
    response = client_for("staff").get(reverse("home"), HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert '<html lang="zh-hans" dir="ltr"' in response.content.decode()
