"""The verification page of a cycle: strata, the people drawn, earlier draws, the Director's redraw."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error
from ethics_office.base.gates import require_office
from ethics_office.base.roles import Role, has_role

from .. import services
from ..forms import DrawForm, RedrawForm
from ..models import FilingCycle
from ..selectors import verification_drawn_filers, verification_draws_visible_to


def _strata(draw):
    """Rows of (grade band, entity, duty station, population, sample) from the stored draw."""
    if draw is None:
        return []
    rows = []
    for key, population in draw.population.items():
        band, entity, station = (key.split("|") + ["", ""])[:3]
        rows.append(
            {
                "band": band,
                "entity": entity,
                "station": station,
                "population": population,
                "sample": draw.allocation.get(key, 0),
            }
        )
    return rows


def _document_status(filer):
    if filer.verification_complete is True:
        return _("Complete")
    if filer.verification_complete is False:
        return _("Incomplete")
    if filer.documents:
        return _("Documents received, not yet checked")
    return _("Documents awaited")


def _verification(request, year):
    require_office(request.user)
    cycle = get_object_or_404(FilingCycle, year=year)
    draws = list(verification_draws_visible_to(request.user, cycle))
    current = next((d for d in draws if d.superseded_at is None), None)
    return cycle, current, [d for d in draws if d is not current]


@login_required
def verification_page(request, year):
    cycle, current, earlier = _verification(request, year)
    filers = verification_drawn_filers(request.user, current)
    page = Paginator(filers, 100).get_page(request.GET.get("page"))
    carried = set(current.carried_over) if current else set()
    for filer in page:
        filer.carried = filer.pk in carried
        filer.document_status = _document_status(filer)
    return render(
        request,
        "disclosure/verification.html",
        {
            "cycle": cycle,
            "draw": current,
            "earlier": earlier,
            "strata": _strata(current),
            "page": page,
            "draw_form": DrawForm(),
            "can_redraw": current is not None and has_role(request.user, Role.DIRECTOR),
        },
    )


@login_required
def verification_export(request, year):
    """The current draw as an Excel workbook: one sheet of strata, one of the people drawn."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    cycle, current, _earlier = _verification(request, year)
    if current is None:
        raise Http404
    book = Workbook()
    sheet = book.active
    sheet.title = _("Strata")[:31]
    sheet.append([_("Grade band"), _("Entity"), _("Duty station"), _("Population"), _("Sample")])
    for row in _strata(current):
        sheet.append([row["band"], row["entity"], row["station"], row["population"], row["sample"]])
    sheet.append([])
    sheet.append([_("Seed"), current.seed])
    sheet.append([_("Drawn at"), current.drawn_at.strftime("%Y-%m-%d %H:%M")])
    people = book.create_sheet(_("Drawn")[:31])
    people.append(
        [_("Name"), _("Index number"), _("Entity"), _("Duty station"), _("Grade"), _("Why"), _("Documents")]
    )
    carried = set(current.carried_over)
    for filer in verification_drawn_filers(request.user, current):
        people.append(
            [
                filer.person.name or "—",
                filer.person.index_number,
                filer.entity.code,
                filer.duty_station.code,
                filer.grade,
                _("Incomplete in %(year)s") % {"year": cycle.year - 1} if filer.pk in carried else _("Drawn"),
                _document_status(filer),
            ]
        )
    for ws in (sheet, people):
        for cell in ws[1]:
            cell.font = Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    services.verification_export_record(actor=request.user, draw=current)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="verification-{cycle.year}.xlsx"'
    return response


@login_required
def verification_redraw(request, year):
    """The Director's redraw: a confirmation page stating what is replaced, then one service call."""
    if not has_role(request.user, Role.DIRECTOR):
        raise Http404
    cycle, current, _earlier = _verification(request, year)
    if current is None:
        messages.error(request, _("There is no draw to replace yet."))
        return redirect("disclosure-verification", year=year)
    form = RedrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            draw = services.verification_redraw(actor=request.user, cycle_id=cycle.pk, **form.cleaned_data)
            messages.success(
                request,
                _("Redrawn: %(n)s filers selected for verification.")
                % {"n": len(draw.sampled) + len(draw.carried_over)},
            )
            return redirect("disclosure-verification", year=year)
        except ApplicationError as exc:
            add_application_error(form, exc)
    count = len(current.sampled) + len(current.carried_over)
    return render(
        request,
        "disclosure/confirm.html",
        {
            "title": _("Redraw the %(year)s verification sample") % {"year": cycle.year},
            "consequence": _(
                "The current draw of %(n)s filers will be replaced and kept for the record. Filers not "
                "drawn again will no longer be selected for verification. This cannot be undone."
            )
            % {"n": count},
            "form": form,
            "button": _("Redraw"),
            "back": redirect("disclosure-verification", year=year).url,
        },
    )
