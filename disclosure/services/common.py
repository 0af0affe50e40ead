"""Rules shared by the programme's services."""

from django.http import Http404

from ethics_office.base.limits import LINE_MAX, require_count, require_length

# The sections of a statement, in the order the form shows them.
SECTIONS = ("assets", "liabilities", "income", "relatives", "gifts")
MID_CYCLE_DAYS = 30
QUERY_RESPONSE_HOURS = 48
REMINDER_DAYS_BEFORE = 14
ETHICS_OFFICE_CODE = "EO"


def require_filer(actor, filer):
    if filer.person.user_id is None or filer.person.user_id != actor.pk:
        raise Http404


# A statement's section holds one line per asset, debt, source of income, relative or gift.
SECTION_LINES_MAX = 200


def clean_contents(contents: dict | None) -> dict:
    """The statement's sections, blank lines dropped; each line and each section within its limit."""
    contents = contents or {}
    cleaned = {}
    for key in SECTIONS:
        lines = contents.get(key) or []
        if isinstance(lines, str):
            lines = lines.splitlines()
        lines = [str(line).strip() for line in lines if str(line).strip()]
        require_count(lines, field=key, limit=SECTION_LINES_MAX)
        for line in lines:
            require_length(line, field=key, limit=LINE_MAX)
        cleaned[key] = lines
    return cleaned
