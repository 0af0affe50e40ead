"""Fill a .po catalogue from a Python file of translations: po-fill.py CATALOGUE.po TRANSLATIONS.py

TRANSLATIONS.py defines T = {msgid: msgstr} and optionally PLURALS = {msgid: [forms...]}.
Reports the entries still untranslated."""

import runpy
import sys

import polib

po = polib.pofile(sys.argv[1])
ns = runpy.run_path(sys.argv[2])
T, PLURALS = ns.get("T", {}), ns.get("PLURALS", {})
for entry in po:
    if entry.msgid_plural and entry.msgid in PLURALS:
        entry.msgstr_plural = dict(enumerate(PLURALS[entry.msgid]))
    elif entry.msgid in T:
        entry.msgstr = T[entry.msgid]
    if "fuzzy" in entry.flags and (entry.msgstr or entry.msgstr_plural):
        entry.flags.remove("fuzzy")
po.save()
missing = [e.msgid for e in po if not (e.msgstr or any(e.msgstr_plural.values()))]
print(f"{sys.argv[1]}: {len(po) - len(missing)} translated, {len(missing)} missing")
for m in missing:
    print("  MISSING:", repr(m))
