"""Reading numbers people type into addresses: ASCII digits within a range, or nothing.

`str.isdigit()` says yes to "²" and to a 40-digit number, and either then fails as a 500 in
`int()` or in the database; these say no.
"""


def year_or_none(value: str | None) -> int | None:
    return int_or_none(value, minimum=1900, maximum=2999)


def int_or_none(value: str | None, *, minimum: int = 0, maximum: int = 2**31 - 1) -> int | None:
    if not value or not (value.isascii() and value.isdigit()) or len(value) > 10:
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None
