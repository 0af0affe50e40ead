"""Every string the source marks for translation is in its catalogue, translated and not fuzzy,
for each language of settings.LANGUAGES (English is the source). A language whose catalogues do
not exist yet fails here too: makemessages creates them empty, so every msgid is a gap. And every
translated entry is what the running site shows (no catalogue shadows another's entry)."""

import functools
import sys
from pathlib import Path

import pytest
from django.conf import settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from catalogue_gaps import SOURCE_LANGUAGE, catalogue_gaps_by_language, to_locale  # noqa: E402
from catalogue_shadows import shadowed_entries_by_language, uncompiled_catalogues  # noqa: E402

LANGUAGES = [to_locale(code) for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


@functools.cache
def _gaps() -> dict[str, list[str]]:
    return catalogue_gaps_by_language(tuple(LANGUAGES))


@functools.cache
def _shadows() -> dict:
    return shadowed_entries_by_language(tuple(LANGUAGES))


def test_the_six_official_languages_are_checked():
    assert sorted(LANGUAGES) == ["ar", "es", "fr", "ru", "zh_Hans"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_string_of_the_source_is_missing_from_a_catalogue(language):
    gaps = _gaps()[language]
    assert gaps == [], f"{len(gaps)} gaps in {language}: {gaps[:20]}"


def test_the_catalogues_are_compiled():
    """The site reads the .mo files: a .po newer than its .mo is not what the site shows."""
    stale = uncompiled_catalogues()
    assert stale == [], f"compile the catalogues (make -s compilemessages): {stale}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_entry_is_what_the_site_shows(language):
    """No entry is shadowed: Django merges every "django" catalogue into one (LOCALE_PATHS first,
    then the apps in INSTALLED_APPS order, Django's own last), so two catalogues that translate the
    same (msgctxt, msgid) differently show only one. Give the usages a context or make them agree."""
    shadows = _shadows()[language]
    listed = "\n".join(str(shadow) for shadow in shadows)
    assert shadows == [], f"{len(shadows)} shadowed entries in {language}:\n{listed}"
