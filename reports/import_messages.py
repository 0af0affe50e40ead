"""The records import's messages (what a line's field should have been).

They live here, in an installed app with a translation catalogue, because
`reports.records` is a plain package without one."""

from django.utils.translation import gettext_lazy as _

NON_EMPTY = _("a non-empty string")
CODE = _("a code of letters, digits, '-' or '_'")
DATE = _("an ISO 8601 date such as 2011-08-03")
BOOLEAN = _("true or false")
COUNT = _("a whole number, zero or more")
YEAR = _("a year such as 2011")
PERIOD = _("a period label such as 2011-2012")
ONE_OF = _("one of: %(options)s")
UTF8 = _("UTF-8 text")
JSON_OBJECT = _("one JSON object")
UNKNOWN_FIELD = _("no such field for this record type")
REQUIRED = _("a value (the field is required)")
DUPLICATE = _("a value not already used on line %(line)s")
ADVICE_CATEGORY_REQUIRED = _("an advice category (required when category is advice)")
ADVICE_CATEGORY_UNEXPECTED = _("no advice category unless category is advice")
OUTCOME_UNEXPECTED = _("no review outcome unless kind is protection_request")
OUTCOME_REQUIRED = _("an outcome when review_completed is given")
INVESTIGATION_DATE_REQUIRED = _("a date when retaliation_established is given")
END_AFTER_START = _("a date on or after start")
VERIFICATION_UNEXPECTED = _("null unless verification_selected is true")
RETALIATION_CATEGORY = _("a retaliation category")
FILER_OF_CYCLE = _("a filer of the %(cycle)s cycle")
SENIOR_FILER = _("a filer of grade ASG or USG")
REJECTED = _("The file was not imported: %(count)s error(s); nothing was written.")
ENTITY_CODE = _("an entity code in this file or already recorded (the recorded ones are listed at %(url)s)")
STATION_CODE = _(
    "a duty station code in this file or already recorded (the recorded ones are listed at %(url)s)"
)
SERVICE_CATEGORY = _("a service category code, one of: %(codes)s (see %(url)s)")
ADVICE_CATEGORY = _("an advice category code, one of: %(codes)s (see %(url)s)")
