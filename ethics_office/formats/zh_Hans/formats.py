DATE_FORMAT = "Y年n月j日"
SHORT_DATE_FORMAT = DATE_FORMAT
DATETIME_FORMAT = "Y年n月j日 H:i"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
MONTH_DAY_FORMAT = "n月j日"
YEAR_MONTH_FORMAT = "Y年n月"
# Grouped in threes with commas, as in the UN's Chinese documents ("4,306"; Django's default groups none).
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
