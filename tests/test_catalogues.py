"""Every string the source marks for translation is in its catalogue, translated and not fuzzy,
for each language of settings.LANGUAGES (English is the source). A language whose catalogues do
not exist yet fails here too: makemessages creates them empty, so every msgid is a gap."""

import functools
import sys
from pathlib import Path

import pytest
from django.conf import settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from catalogue_gaps import SOURCE_LANGUAGE, catalogue_gaps_by_language, to_locale  # noqa: E402

LANGUAGES = [to_locale(code) for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


@functools.cache
def _gaps() -> dict[str, list[str]]:
    return catalogue_gaps_by_language(tuple(LANGUAGES))


def test_the_six_official_languages_are_checked():
    assert sorted(LANGUAGES) == ["ar", "es", "fr", "ru", "zh_Hans"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_string_of_the_source_is_missing_from_a_catalogue(language):
    gaps = _gaps()[language]
    assert gaps == [], f"{len(gaps)} gaps in {language}: {gaps[:20]}"
