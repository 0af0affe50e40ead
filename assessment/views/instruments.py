"""Questionnaires: list, create, add sections and items (until frozen), revise."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error

from .. import services
from ..forms import InstrumentForm, ItemForm, RiskForm, SectionForm
from ..models import Risk
from ..permissions import access_instrument, require_office
from ..selectors import instrument_with_items, instruments_visible_to
from .common import show_error


@login_required
def instrument_list(request):
    require_office(request.user)
    form = InstrumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            instrument = services.instrument_create(
                actor=request.user, code=form.cleaned_data["code"], titles=form.titles()
            )
            return redirect("assessment-instrument", pk=instrument.pk)
        except ApplicationError as exc:
            add_application_error(form, exc)
    return render(
        request,
        "assessment/instrument_list.html",
        {
            "instruments": instruments_visible_to(request.user).order_by("code", "version"),
            "form": form,
            "risk_form": RiskForm(prefix="risk"),
            "risks": Risk.objects.order_by("category", "code"),
        },
    )


@login_required
@require_POST
def risk_add(request):
    """The risks items can be tagged with (a code already known is renamed)."""
    require_office(request.user)
    form = RiskForm(request.POST, prefix="risk")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.risk_upsert(
                actor=request.user,
                code=data["code"],
                names={"en": data["name_en"], "zh-hans": data["name_zh"]},
                category=data["category"],
            )
            messages.success(request, _("Risk saved."))
        except ApplicationError as exc:
            show_error(request, exc)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("assessment-instruments")


@login_required
def instrument_detail(request, pk):
    instrument = access_instrument(request.user, pk)
    instrument = instrument_with_items(instrument.pk)
    return render(
        request,
        "assessment/instrument_detail.html",
        {
            "instrument": instrument,
            "section_form": SectionForm(prefix="section"),
            "item_form": ItemForm(instrument=instrument, prefix="item"),
        },
    )


@login_required
@require_POST
def instrument_section_add(request, pk):
    access_instrument(request.user, pk)
    form = SectionForm(request.POST, prefix="section")
    if form.is_valid():
        try:
            services.section_add(
                actor=request.user, instrument_id=pk, code=form.cleaned_data["code"], titles=form.titles()
            )
            messages.success(request, _("Section added."))
        except ApplicationError as exc:
            show_error(request, exc)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("assessment-instrument", pk=pk)


@login_required
@require_POST
def instrument_item_add(request, pk):
    instrument = access_instrument(request.user, pk)
    form = ItemForm(request.POST, instrument=instrument, prefix="item")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.item_add(
                actor=request.user,
                section_id=data["section"].pk,
                code=data["code"],
                kind=data["kind"],
                texts={"en": data["text_en"], "zh-hans": data["text_zh"]},
                options=data["options"],
                risk=data["risk"],
                measures=data["measures"],
                agreement_good=data["agreement_good"],
            )
            messages.success(request, _("Question added."))
        except ApplicationError as exc:
            show_error(request, exc)
    else:
        for name, errors in form.errors.items():
            for error in errors:
                messages.error(request, f"{form.fields[name].label if name in form.fields else ''}: {error}")
    return redirect("assessment-instrument", pk=pk)


@login_required
@require_POST
def instrument_revise(request, pk):
    require_office(request.user)
    try:
        revision = services.instrument_revise(actor=request.user, instrument_id=pk)
        messages.success(request, _("New version %(v)s created.") % {"v": revision.version})
        return redirect("assessment-instrument", pk=revision.pk)
    except ApplicationError as exc:
        show_error(request, exc)
        return redirect("assessment-instrument", pk=pk)
