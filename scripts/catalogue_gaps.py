"""List the msgids the source has and a catalogue lacks, leaves empty or marks fuzzy.

`makemessages` runs on a copy of the tree, so the real catalogues are never rewritten:

    .venv/bin/python scripts/catalogue_gaps.py      # prints the gaps; exit status 1 if any
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".venv", "var", ".git", "*.mo", "__pycache__", "node_modules", "staticfiles")


def catalogue_gaps(languages=("zh_Hans",)) -> list[str]:
    gaps = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(ROOT, src, ignore=SKIP)
        apps = sorted(p.parent.name for p in src.glob("*/locale") if p.parent.name != "tests")
        env = {"DEBUG": "1", "PATH": "/usr/bin:/bin", "ETHICS_TESTING": "1"}
        python, manage = sys.executable, str(src / "manage.py")
        for language in languages:
            ignores = [f"--ignore={a}" for a in apps] + [
                "--ignore=tests",
                "--ignore=bench",
                "--ignore=scripts",
            ]
            subprocess.run(
                [python, manage, "makemessages", "-l", language, "-v0", *ignores],
                cwd=src,
                env=env,
                check=True,
            )
            for app in apps:
                subprocess.run(
                    [python, manage, "makemessages", "-l", language, "-v0"],
                    cwd=src / app,
                    env=env,
                    check=True,
                )
            for po_path in sorted(src.glob(f"**/locale/{language}/LC_MESSAGES/django.po")):
                for entry in polib.pofile(str(po_path)):
                    if entry.obsolete:
                        continue
                    if not (entry.msgstr or any(entry.msgstr_plural.values())) or "fuzzy" in entry.flags:
                        gaps.append(f"{po_path.relative_to(src)}: {entry.msgid!r}")
    return gaps


if __name__ == "__main__":
    found = catalogue_gaps()
    print("\n".join(found) or "no gaps")
    sys.exit(1 if found else 0)
