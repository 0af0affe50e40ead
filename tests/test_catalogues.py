"""Every string the source marks for translation is in its catalogue, translated and not fuzzy."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from catalogue_gaps import catalogue_gaps  # noqa: E402


def test_no_string_of_the_source_is_missing_from_a_catalogue():
    assert catalogue_gaps() == []
