"""The annual report and the records import: administrators and the Director only.

Pages answer 404 to other signed-in users (as for the audit trail); the API answers 403.
"""

from ..matrix import LOGIN, NO_AUTH, Row, expect

PERIOD = {"period": "2011-2012"}

ROWS = [
    Row("reports-index", expect(404, anonymous=LOGIN, director=302, admin=302), note="redirects to a period"),
    Row("reports-annual", expect(404, anonymous=LOGIN, director=200, admin=200), kwargs=lambda w: PERIOD),
    Row(
        "reports-annual-export",
        expect(404, anonymous=LOGIN, director=200, admin=200),
        kwargs=lambda w: {**PERIOD, "fmt": "xlsx"},
    ),
    Row(
        "reports-annual-export",
        expect(404, anonymous=LOGIN),
        kwargs=lambda w: {**PERIOD, "fmt": "exe"},
        note="unknown format",
    ),
    Row("reports-import", expect(404, anonymous=LOGIN, admin=200)),
    Row("reports-import-template", expect(200, anonymous=LOGIN), note="example lines, no data"),
    Row(
        "reports-import-confirm",
        expect(404, anonymous=LOGIN, admin=302),
        method="POST",
        note="nothing pending: back to the upload",
    ),
    Row(
        "api-reports-annual", expect(403, anonymous=NO_AUTH, director=200, admin=200), kwargs=lambda w: PERIOD
    ),
]
