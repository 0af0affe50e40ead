"""The determinations register: every completed review and determination, filterable, as a page,
CSV or Excel (openpyxl, as the other exports). The office only; each look and export is audited."""

import csv
import io

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ethics_office.base.gates import require_office

from .. import forms, services
from ..selectors import REGISTER_COLUMN_SORTS
from ..selectors import determinations_register as register_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _columns():
    return [
        _("Reference"),
        pgettext("date column", "Received"),
        _("Review completed"),
        _("Outcome of the review"),
        _("Signed off on"),
        _("Investigating body"),
        _("Referred on"),
        _("Investigation completed"),
        _("Determination"),
        _("Determined on"),
        _("Corrective measures"),
        _("Implementation"),
    ]


def _investigator(case) -> str:
    if not case.investigation_body:
        return ""
    return case.investigation_body_name or case.get_investigation_body_display()


def _determination(case) -> str:
    if case.retaliation_established is None:
        return ""
    return _("Retaliation established") if case.retaliation_established else _("Retaliation not established")


def _day(value) -> str:
    return value.isoformat() if value else ""


def register_row(case) -> list[str]:
    measures = list(case.corrective_measures.all())
    return [
        case.service_request.ref,
        _day(case.service_request.received),
        _day(case.review_completed),
        case.get_review_outcome_display(),
        _day(case.prima_facie_signed_on),
        _investigator(case),
        _day(case.investigation_referred),
        _day(case.investigation_completed),
        _determination(case),
        _day(case.determined_on),
        "; ".join(m.description for m in measures),
        "; ".join(
            _("implemented on %(day)s") % {"day": _day(m.implemented_on)}
            if m.implemented_on
            else _("pending")
            for m in measures
        ),
    ]


@login_required
def determinations_register(request):
    require_office(request.user)
    form = forms.RegisterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = register_rows(
        request.user,
        outcome=filters.get("outcome") or "",
        body=filters.get("body") or "",
        year=filters.get("year"),
        sort=request.GET.get("sort"),
    )
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        table = [register_row(case) for case in rows]
        services.register_read_record(actor=request.user, fmt=fmt, count=len(table))
        if fmt == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(_columns())
            writer.writerows(table)
            response = HttpResponse(
                buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
            )
        else:
            from openpyxl import Workbook
            from openpyxl.styles import Font

            book = Workbook()
            sheet = book.active
            sheet.title = _("Determinations")[:31]
            sheet.append(_columns())
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for line in table:
                sheet.append(line)
            out = io.BytesIO()
            book.save(out)
            response = HttpResponse(out.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="retaliation-determinations.{fmt}"'
        return response
    cases = list(rows[:500])
    services.register_read_record(actor=request.user, fmt="page", count=len(cases))
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "retaliation/register.html",
        {
            "form": form,
            "columns": list(zip(_columns(), REGISTER_COLUMN_SORTS, strict=True)),
            "rows": [(case, register_row(case)) for case in cases],
            "query": query.urlencode(),
        },
    )
