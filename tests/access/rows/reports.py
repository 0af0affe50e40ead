"""The annual report and the records import: administrators and the Director only.

Pages answer 404 to other signed-in users (as for the audit trail); the API answers 403.
"""

from ..matrix import LOGIN, NO_AUTH, Row, expect

PERIOD = {"period": "2011-2012"}


def build(world):
    """An import job of the administrator's (queued: the test's transaction never hands it on)."""
    from reports.records.jobs import import_job_start

    world.import_job = import_job_start(
        actor=world.users["admin"],
        content=b'{"type": "panel_meeting", "ref": "AX-1", "date": "2011-09-15"}\n',
        filename="records.jsonl",
    )


ROWS = [
    Row("reports-index", expect(404, anonymous=LOGIN, director=302, admin=302), note="redirects to a period"),
    Row("reports-annual", expect(404, anonymous=LOGIN, director=200, admin=200), kwargs=lambda w: PERIOD),
    Row(
        "reports-annual-chart",
        expect(404, anonymous=LOGIN, director=200, admin=200),
        kwargs=lambda w: {**PERIOD, "slug": "figure-i", "fmt": "png"},
        note="one figure's image, drawn on request",
    ),
    Row(
        "reports-annual-chart",
        expect(404, anonymous=LOGIN),
        kwargs=lambda w: {**PERIOD, "slug": "figure-x", "fmt": "png"},
        note="no such figure",
    ),
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
    Row(
        "reports-import-job",
        expect(404, anonymous=LOGIN, admin=200),
        kwargs=lambda w: {"pk": w.import_job.pk},
        note="an administrator's own job; anyone else's is not found",
    ),
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
