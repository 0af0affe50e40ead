"""The six official languages: the browser's language is spoken before anyone signs in,
with the document's language and direction right, and every page answers in each."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_six_official_languages_are_offered():
    assert [code for code, _name in settings.LANGUAGES] == ["ar", "zh-hans", "en", "fr", "ru", "es"]
    assert "ar" in settings.LANGUAGES_BIDI


@pytest.mark.parametrize(
    "accept, lang, direction, words",
    [
        ("ar,en;q=0.5", "ar", "rtl", "تسجيل الدخول"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "fr", "ltr", "Se connecter"),
        ("en-GB,en;q=0.9", "en", "ltr", "Log in"),
        ("zh-CN,zh;q=0.9", "zh-hans", "ltr", "登录"),
    ],
)
def test_the_sign_in_page_answers_in_the_browsers_language(client, accept, lang, direction, words):
    """Nobody is signed in: Accept-Language alone picks the language, and <html> says it."""
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}"' in page
    assert words in page


PAGES = {
    "staff": ["home", "password_change", "advisory-ask", "advisory-my-requests", "retaliation-request"],
    "officer": ["home", "advisory-queue", "advisory-precedents", "retaliation-list", "outreach-sessions"],
    "director": ["home", "disclosure-index", "panel-meetings", "assessment-list", "outbox-messages"],
}


@pytest.mark.parametrize("accept", ["ar", "fr"])
@pytest.mark.parametrize("role", sorted(PAGES))
def test_the_main_pages_open_in_arabic_and_french(client_for, role, accept):
    """Signed in with an Arabic or French browser (no language chosen yet), each page answers 200
    in that language and direction."""
    c = client_for(role)
    direction = "rtl" if accept == "ar" else "ltr"
    for name in PAGES[role]:
        response = c.get(reverse(name), HTTP_ACCEPT_LANGUAGE=accept)
        assert response.status_code == 200, name
        assert f'<html lang="{accept}" dir="{direction}"' in response.content.decode(), name
