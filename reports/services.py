"""Writes of the reports app: baselines and the audit of exports."""

from django.db import transaction
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError

from .models import Baseline, BaselineMetric, ReportSymbol
from .queries import Period


@transaction.atomic
def baseline_set(*, actor, period: str, metric: str, value: int) -> Baseline:
    """Create or change a period's baseline total (for periods before case-level records)."""
    try:
        Period.parse(period)
    except ValueError:
        raise ApplicationError(_("A period is written YYYY-YYYY, e.g. 2006-2007."), field="period") from None
    if metric not in BaselineMetric.values:
        raise ApplicationError(_("Unknown metric."), field="metric")
    if value < 0:
        raise ApplicationError(_("The value cannot be negative."), field="value")
    baseline, created = Baseline.objects.select_for_update().get_or_create(
        period=period, metric=metric, defaults={"value": value}
    )
    old = None if created else baseline.value
    if not created and baseline.value != value:
        baseline.value = value
        baseline.save(update_fields=["value"])
    audit_record(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        obj=baseline,
        fields=["value"],
        changes={"value": (old, value)},
    )
    return baseline


@transaction.atomic
def report_symbol_save(*, actor, symbol: ReportSymbol, fields: list[str]) -> ReportSymbol:
    """Create or change the General Assembly symbol, session and agenda item of a period's report."""
    try:
        Period.parse(symbol.period)
    except ValueError:
        raise ApplicationError(_("A period is written YYYY-YYYY, e.g. 2006-2007."), field="period") from None
    created = symbol.pk is None
    symbol.save()
    audit_record(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        obj=symbol,
        fields=fields or ["symbol"],
    )
    report_data_changed()
    return symbol


def report_data_changed() -> None:
    """The figures or the layout of a report may have changed: after the commit, the cached
    reports are dropped (a new data version) and rebuilt in the background."""
    from . import cache as report_cache

    transaction.on_commit(report_cache.changed)


def report_export_record(*, actor, period: str, fmt: str, language: str) -> None:
    """Every download of the report (and every API read) leaves an export event."""
    audit_record(
        actor=actor,
        action=Action.EXPORT,
        object_type="reports.annual_report",
        object_id=period,
        fields=[fmt, language],
    )
