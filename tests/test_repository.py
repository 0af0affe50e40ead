"""The repository stands alone: nothing in it reaches for files outside the clone."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_no_tracked_file_names_a_folder_beside_the_clone():
    """No tracked file points at the reading folder beside the clone (a clone alone has none)."""
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    offenders = []
    for name in files:
        path = ROOT / name
        if path.suffix in {".png", ".jpg", ".ico", ".mo", ".woff2", ".pdf"} or not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        if "../" + "shared" in text:
            offenders.append(name)
    assert offenders == []


def test_the_expected_figures_are_test_data_of_the_project():
    """The figures of A/67/306 that the report must reproduce live under tests/data."""
    assert (ROOT / "tests" / "data" / "a67-306-expected.json").is_file()


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    """The models and the migrations agree: `makemigrations --check` finds nothing to write."""
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
