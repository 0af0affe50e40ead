"""The report's caches. The JSON figures of a period are kept under a data version that every
change to the records behind them moves on (signals, the records import's audit event, the
services), so a warm page costs a cache read; charts and documents are kept under a hash of
those figures, the language, the format and the masthead, so they are rebuilt only when what
they show changed. After a change a Celery task rebuilds the latest periods in the background."""

import hashlib
import json
import logging
from dataclasses import asdict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from ethics_office.base.dataversion import advance

from .queries import Period, annual_report

logger = logging.getLogger(__name__)
VERSION_KEY = "reports:data-version"
WARM_PENDING_KEY = "reports:warm-pending"
TIMEOUT = 60 * 60 * 24
DOCUMENT_VERSION = "gadoc-1"  # bump when the layout of the documents changes
OFFICIAL_LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
# The apps whose rows the report counts.
WATCHED_APPS = {"intake", "organisation", "advisory", "disclosure", "retaliation", "outreach", "panel",
                "assessment", "reports"}  # fmt: skip


def version() -> int:
    value = cache.get(VERSION_KEY)
    if value is None:
        cache.add(VERSION_KEY, 1, None)
        value = cache.get(VERSION_KEY) or 1
    return value


def _bump() -> None:
    advance(VERSION_KEY)  # a cache outage never fails the write; the entries expire in a day


def changed() -> None:
    """After a commit that changed records: a new data version, and a rebuild in the background."""
    _bump()
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return  # no worker: the next reader rebuilds (and pays for it once)
    if cache.add(WARM_PENDING_KEY, 1, 60):
        from .tasks import warm_reports

        try:
            warm_reports.apply_async(countdown=2)
        except Exception:  # noqa: BLE001 - a broker outage must not fail the write that committed
            cache.delete(WARM_PENDING_KEY)


def record_changed() -> None:
    """Called for every write to a watched row: the version moves now (so a reader inside this
    transaction does not see an older report) and once more after the commit (so a reader of
    the committed data never keeps the version of the uncommitted one)."""
    _bump()
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        changed()
        return
    if any(entry[1] is changed for entry in connection.run_on_commit):
        return
    transaction.on_commit(changed)


def on_model_change(sender, **kwargs):
    if sender._meta.app_label in WATCHED_APPS:
        record_changed()


def on_audit_event(sender, instance, created, **kwargs):
    """The records import writes rows in bulk (no signals), and always leaves an import event."""
    if created and instance.action == "import":
        record_changed()


def report(label: str) -> dict:
    """The JSON figures of a period, computed once per data version."""
    key = f"reports:annual:{version()}:{label}"
    data = cache.get(key)
    if data is None:
        data = annual_report(label)
        cache.set(key, data, TIMEOUT)
    return data


def latest_period_with_data() -> Period:
    """The period the report page opens on: the latest that has records, not an empty current one."""
    key = f"reports:latest:{version()}"
    label = cache.get(key)
    if label is None:
        label = _latest_period_label()
        cache.set(key, label, TIMEOUT)
    return Period.parse(label)


def _latest_period_label() -> str:
    from django.db.models import Max

    from ethics_office.intake.models import ServiceRequest

    today = timezone.localdate()
    current = Period(today.year if today.month >= 8 else today.year - 1)
    last = ServiceRequest.objects.filter(received__lte=current.end).aggregate(last=Max("received"))["last"]
    if last is None:
        return current.previous.label
    return Period(last.year if last.month >= 8 else last.year - 1).label


def document_key(report_data: dict, fmt: str, masthead) -> str:
    data = json.dumps(
        [
            DOCUMENT_VERSION,
            fmt,
            translation.get_language(),
            asdict(masthead) if masthead else None,
            report_data,
        ],
        sort_keys=True,
        default=str,
    )
    return "reports:document:" + hashlib.sha256(data.encode()).hexdigest()


def document(report_data: dict, fmt: str) -> bytes:
    """Word, PDF or Excel for these figures in the active language, rendered once."""
    from . import exports
    from .document import masthead

    key = document_key(report_data, fmt, masthead(Period.parse(report_data["period"]["label"])))
    data = cache.get(key)
    if data is None:
        data = exports.render(report_data, fmt)
        cache.set(key, data, TIMEOUT)
    return data


def warm(labels: list[str], languages=None, formats=("pdf", "docx")) -> None:
    """Compute the periods' figures, draw their charts in every language and render the documents."""
    from . import charts
    from .document import build_document

    for label in labels:
        data = report(label)
        for language in languages or OFFICIAL_LANGUAGES:
            with translation.override(language):
                from .views import warm_content

                warm_content(label)
                for figure in build_document(data).figures():
                    charts.render_cached(figure, "svg")
                for fmt in formats:
                    document(data, fmt)
