"""List the catalogue entries the running site never shows: shadowed by another catalogue.

Django merges every "django" catalogue into one per language: the project's LOCALE_PATHS win over
every app's catalogue, an app earlier in INSTALLED_APPS over a later one, Django's own catalogue
is lowest. So when two catalogues translate the same (msgctxt, msgid) differently, one of them is
never shown. For every translated entry of every project catalogue (`**/locale/<locale>/LC_MESSAGES/
django.po`, .venv left out) this compares what the site shows (`pgettext`/`gettext`, or each plural
form, under `translation.override`) with what the catalogue says. Needs compiled .mo files:

    make -s compilemessages
    .venv/bin/python scripts/catalogue_shadows.py          # every language of settings.LANGUAGES but English
    .venv/bin/python scripts/catalogue_shadows.py ar fr    # only these (language codes or locale names)

prints the shadowed entries (with the catalogue that wins, where one is found); exit status 1 if any.
"""

import gettext
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SOURCE_LANGUAGE = "en"
CONTEXT_SEPARATOR = "\x04"


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")
    os.environ.setdefault("DEBUG", "1")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


@dataclass(frozen=True)
class Shadow:
    catalogue: str  # the shadowed catalogue, relative to the project
    msgctxt: str | None
    msgid: str
    shown: str  # what the site shows
    own: str  # what the catalogue says
    winner: str  # the catalogue the shown text comes from ("" if none is found)

    def __str__(self) -> str:
        context = f"[{self.msgctxt}] " if self.msgctxt else ""
        by = f" (from {self.winner})" if self.winner else ""
        return f"{self.catalogue}: {context}{self.msgid!r} shows {self.shown!r}{by}, the catalogue says {self.own!r}"


def project_catalogues(locale: str) -> list[Path]:
    return sorted(p for p in ROOT.glob(f"**/locale/{locale}/LC_MESSAGES/django.po") if ".venv" not in p.parts)


def uncompiled_catalogues() -> list[str]:
    """The project's .po files whose .mo is missing or older: what the site shows is not what they say."""
    found = []
    for po in sorted(p for p in ROOT.glob("**/locale/*/LC_MESSAGES/django.po") if ".venv" not in p.parts):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            found.append(str(po.relative_to(ROOT)))
    return found


def locale_directories() -> list[tuple[str, Path]]:
    """(label, locale directory) of every "django" catalogue the site merges, the winning one first."""
    import django
    from django.apps import apps
    from django.conf import settings

    found = [(str(Path(p)), Path(p)) for p in settings.LOCALE_PATHS]
    for config in apps.get_app_configs():
        directory = Path(config.path) / "locale"
        if directory.is_dir():
            found.append((config.name, directory))
    found.append(("django", Path(django.__file__).parent / "conf" / "locale"))
    return found


def _label(directory: Path, label: str) -> str:
    try:
        relative = directory.relative_to(ROOT)
    except ValueError:
        return label
    return label if ".venv" in relative.parts else str(relative)


def _winner(key, shown: str, catalogues) -> str:
    for label, catalog in catalogues:
        if catalog.get(key) == shown:
            return label
    return ""


def shadowed_entries_by_language(languages=None) -> dict[str, list[Shadow]]:
    """{locale name: [Shadow, ...]} for each language (default: settings.LANGUAGES but English)."""
    _setup()
    from django.conf import settings
    from django.utils import translation

    codes = languages or [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
    by_locale = {translation.to_locale(code): code for code, _name in settings.LANGUAGES}
    found: dict[str, list[Shadow]] = {}
    for requested in codes:
        locale = translation.to_locale(requested)
        code = by_locale.get(locale, requested)
        merged = []
        for label, directory in locale_directories():
            mo = gettext.translation("django", str(directory), [locale], fallback=True)
            merged.append((_label(directory, label), getattr(mo, "_catalog", {})))
        shadows = found[locale] = []
        with translation.override(code):
            runtime = translation.trans_real.translation(code)._catalog  # for the plural forms
            for po in project_catalogues(locale):
                relative = str(po.parent.parent.parent.relative_to(ROOT))
                for entry in polib.pofile(str(po)):
                    if entry.obsolete or "fuzzy" in entry.flags:
                        continue
                    key = f"{entry.msgctxt}{CONTEXT_SEPARATOR}{entry.msgid}" if entry.msgctxt else entry.msgid
                    if entry.msgid_plural:
                        forms = [((key, int(i)), s) for i, s in sorted(entry.msgstr_plural.items()) if s]
                    elif entry.msgstr:
                        forms = [(key, entry.msgstr)]
                    else:
                        forms = []
                    for lookup, own in forms:
                        if isinstance(lookup, tuple):
                            shown = runtime.get(lookup, own)
                        elif entry.msgctxt:
                            shown = translation.pgettext(entry.msgctxt, entry.msgid)
                        else:
                            shown = translation.gettext(entry.msgid)
                        if shown != own:
                            winner = _winner(lookup, shown, merged)
                            shadows.append(Shadow(relative, entry.msgctxt, entry.msgid, shown, own, winner))
    return found


def shadowed_entries(languages=None) -> list[Shadow]:
    return [s for found in shadowed_entries_by_language(languages).values() for s in found]


if __name__ == "__main__":
    stale = uncompiled_catalogues()
    if stale:
        print("not compiled (make -s compilemessages):", *stale, sep="\n  ")
        sys.exit(2)
    by_language = shadowed_entries_by_language(sys.argv[1:] or None)
    for language, shadows in by_language.items():
        for shadow in shadows:
            print(f"{language}: {shadow}")
    total = sum(len(s) for s in by_language.values())
    print(", ".join(f"{language} {len(s)}" for language, s in by_language.items()) if total else "no shadows")
    sys.exit(1 if total else 0)
