"""Rules shared by the programme's services."""

from django.http import Http404

# The sections of a statement, in the order the form shows them.
SECTIONS = ("assets", "liabilities", "income", "relatives", "gifts")
MID_CYCLE_DAYS = 30
QUERY_RESPONSE_HOURS = 48
REMINDER_DAYS_BEFORE = 14
ETHICS_OFFICE_CODE = "EO"


def require_filer(actor, filer):
    if filer.person.user_id is None or filer.person.user_id != actor.pk:
        raise Http404


def clean_contents(contents: dict | None) -> dict:
    contents = contents or {}
    return {
        key: [str(line).strip() for line in contents.get(key, []) if str(line).strip()] for key in SECTIONS
    }
