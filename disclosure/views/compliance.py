"""Designation and compliance for the office and focal points; the public disclosure page."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import form_submit
from ethics_office.base.parsing import year_or_none
from ethics_office.base.roles import Role, has_role, is_office
from ethics_office.organisation.selectors import people_visible_to

from .. import services
from ..forms import (
    DesignateForm,
)
from ..models import FilingCycle
from ..selectors import (
    compliance_entities,
    compliance_rows,
    compliance_summary,
    current_cycle,
    cycles_visible_to,
    public_disclosures,
)

# --- designation and compliance (office and focal points) ----------------------------------


@login_required
def designate(request):
    """The office, or a focal point for the person's entity, designates a filer with a reason."""
    if not (is_office(request.user) or has_role(request.user, Role.FOCAL_POINT)):
        raise Http404
    cycle = current_cycle()
    form = DesignateForm(request.POST or None)

    def call(d):
        person = people_visible_to(request.user).filter(index_number=d["index_number"].strip()).first()
        if person is None or cycle is None:
            raise ApplicationError(
                _("No person with this index number, or no open cycle."), field="index_number"
            )
        try:
            return services.filer_designate(
                actor=request.user, cycle_id=cycle.pk, person=person, reason=d["reason"]
            )
        except Http404:
            raise ApplicationError(
                _("You cannot designate filers for this person's entity."), field="index_number"
            ) from None

    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            call,
            success=lambda filer: _("%(name)s designated as a filer.") % {"name": filer.person.name},
            then="disclosure-compliance",
        )
    ):
        return done
    return render(request, "disclosure/designate.html", {"form": form, "cycle": cycle})


def _compliance_scope(request):
    if not (is_office(request.user) or has_role(request.user, Role.FOCAL_POINT)):
        raise Http404
    cycles = cycles_visible_to(request.user)
    year = year_or_none(request.GET.get("cycle"))
    cycle = cycles.filter(year=year).first() if year else cycles.first()
    entities = compliance_entities(request.user).order_by("code")
    entity = entities.filter(code=request.GET.get("entity")).first() if request.GET.get("entity") else None
    today = timezone.localdate()
    rows = (
        compliance_rows(request.user, cycle, today=today, entity=entity, sort=request.GET.get("sort"))
        if cycle
        else None
    )
    return cycle, cycles, entities, entity, rows, today


def _status_of(filer, today):
    if filer.filed_on:
        return _("Filed"), 0
    overdue = (today - filer.effective_deadline).days
    return _("Outstanding"), max(overdue, 0)


@login_required
def compliance(request):
    """Per entity: filers, filed or outstanding, days overdue. No statement content, ever."""
    cycle, cycles, entities, entity, rows, today = _compliance_scope(request)
    page = Paginator(rows, 100).get_page(request.GET.get("page")) if rows is not None else None
    if page is not None:
        for filer in page:
            filer.status_label, filer.overdue_days = _status_of(filer, today)
    return render(
        request,
        "disclosure/compliance.html",
        {
            "cycle": cycle,
            "cycles": cycles,
            "entities": entities,
            "entity": entity,
            "page": page,
            "summary": compliance_summary(request.user, cycle, today=today) if cycle else [],
            "office": is_office(request.user),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def compliance_csv(request):
    cycle, cycles, entities, entity, rows, today = _compliance_scope(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="compliance-{cycle.year if cycle else "none"}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(
        ["name", "index_number", "entity", "grade", "status", "filed_on", "deadline", "days_overdue"]
    )
    for filer in rows if rows is not None else []:
        status, overdue = _status_of(filer, today)
        writer.writerow(
            [
                filer.person.name,
                filer.person.index_number,
                filer.entity.code,
                filer.grade,
                "filed" if filer.filed_on else "outstanding",
                filer.filed_on.isoformat() if filer.filed_on else "",
                filer.effective_deadline.isoformat(),
                overdue,
            ]
        )
    services.compliance_export_record(actor=request.user, cycle=cycle)
    return response


# --- public --------------------------------------------------------------------------------


def public_list(request):
    """No login: each cycle's voluntary public disclosure participants, their choice and summary."""
    year = year_or_none(request.GET.get("cycle"))
    cycle = FilingCycle.objects.filter(year=year).first() if year else None
    page = Paginator(public_disclosures(cycle), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "disclosure/public_list.html",
        {"page": page, "cycle": cycle, "years": FilingCycle.objects.values_list("year", flat=True)},
    )
