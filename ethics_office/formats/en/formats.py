# One date style for English (UN editorial style: 1 December 2026); numbers keep Django's ("4,306").
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = DATE_FORMAT
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
