"""List the msgids the source has and a catalogue lacks, leaves empty or marks fuzzy.

`makemessages` runs on a copy of the tree (extracting once, into a probe locale), so the real
catalogues are never rewritten:

    .venv/bin/python scripts/catalogue_gaps.py          # every language of settings.LANGUAGES but English
    .venv/bin/python scripts/catalogue_gaps.py ar fr    # only these (language codes or locale names)

prints the gaps; exit status 1 if any.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".venv", "var", ".git", "*.mo", "__pycache__", "node_modules", "staticfiles")
SOURCE_LANGUAGE = "en"


def translated_languages() -> list[str]:
    """The locale names of settings.LANGUAGES, English (the source) left out."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")
    os.environ.setdefault("DEBUG", "1")
    from django.conf import settings

    return [to_locale(code) for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


PROBE = "xx"  # a locale with no catalogue: makemessages only extracts (no msgmerge, which is slow)


def catalogue_gaps_by_language(languages=None) -> dict[str, list[str]]:
    """{locale name: ["<catalogue>: 'msgid'", ...]} for each language.

    The source's msgids are extracted once (into a probe locale of a copy of the tree), then each
    language's real catalogue is read for them: present, translated (every plural form), not fuzzy.
    """
    languages = [to_locale(x) for x in (languages or translated_languages())]
    gaps: dict[str, list[str]] = {language: [] for language in languages}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(ROOT, src, ignore=SKIP)
        apps = sorted(p.parent.name for p in src.glob("*/locale") if p.parent.name != "tests")
        env = {"DEBUG": "1", "PATH": "/usr/bin:/bin", "ETHICS_TESTING": "1"}
        python, manage = sys.executable, str(src / "manage.py")
        ignores = [f"--ignore={a}" for a in apps] + ["--ignore=tests", "--ignore=bench", "--ignore=scripts"]
        subprocess.run(
            [python, manage, "makemessages", "-l", PROBE, "-v0", *ignores], cwd=src, env=env, check=True
        )
        for app in apps:
            subprocess.run(
                [python, manage, "makemessages", "-l", PROBE, "-v0"], cwd=src / app, env=env, check=True
            )
        for probe in sorted(src.glob(f"**/locale/{PROBE}/LC_MESSAGES/django.po")):
            wanted = [
                (e.msgctxt, e.msgid, e.msgid_plural) for e in polib.pofile(str(probe)) if not e.obsolete
            ]
            for language in languages:
                relative = (
                    probe.relative_to(src).parent.parent.parent / language / "LC_MESSAGES" / "django.po"
                )
                real = ROOT / relative
                entries = {}
                if real.exists():
                    entries = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(real)) if not e.obsolete}
                for msgctxt, msgid, plural in wanted:
                    entry = entries.get((msgctxt, msgid))
                    if entry is None or "fuzzy" in entry.flags or not _translated(entry, plural):
                        gaps[language].append(f"{relative}: {msgid!r}")
    return gaps


def _translated(entry, plural="") -> bool:
    if plural and not entry.msgid_plural:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def catalogue_gaps(languages=None) -> list[str]:
    return [gap for found in catalogue_gaps_by_language(languages).values() for gap in found]


if __name__ == "__main__":
    found = catalogue_gaps(sys.argv[1:] or None)
    print("\n".join(found) or "no gaps")
    sys.exit(1 if found else 0)
