"""The office's pages: cycles, assignment, verification draws, notices, referrals, filer queries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error
from ethics_office.base.gates import require_office

from .. import services
from ..forms import (
    AnswerForm,
    AssignForm,
    CycleOpenForm,
    DrawForm,
    ImportForm,
)
from ..letters import referral_letter_docx
from ..models import FilingCycle
from ..selectors import (
    cycles_visible_to,
    filers_visible_to,
    notices_visible_to,
    queries_visible_to,
    referrals_visible_to,
)
from .common import show_error


@login_required
def query_list(request):
    """Open filer queries with their 48-hour clock, oldest due first."""
    require_office(request.user)
    open_queries = queries_visible_to(request.user).filter(answered_at__isnull=True).order_by("due_at")
    page = Paginator(open_queries, 50).get_page(request.GET.get("page"))
    return render(request, "disclosure/query_list.html", {"page": page, "now": timezone.now()})


@login_required
@require_POST
def query_answer(request, pk):
    require_office(request.user)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.filer_query_answer(actor=request.user, query_id=pk, answer=form.cleaned_data["answer"])
            messages.success(request, _("Answer sent."))
        except ApplicationError as exc:
            show_error(request, exc)
    return redirect("disclosure-queries")


# --- the office: cycles ------------------------------------------------------------------


@login_required
def cycle_list(request):
    require_office(request.user)
    form = CycleOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.cycle_open(actor=request.user, **form.cleaned_data)
            messages.success(
                request, _("The %(year)s cycle is open: confirm the proposed filers.") % {"year": cycle.year}
            )
            return redirect("disclosure-cycle", year=cycle.year)
        except ApplicationError as exc:
            add_application_error(form, exc)
    return render(
        request, "disclosure/cycle_list.html", {"cycles": cycles_visible_to(request.user), "form": form}
    )


@login_required
def cycle_detail(request, year):
    require_office(request.user)
    cycle = get_object_or_404(FilingCycle, year=year)
    filers = (
        filers_visible_to(request.user)
        .filter(cycle=cycle)
        .order_by("confirmed", "entity__code", "person__name")
    )
    page = Paginator(filers, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "disclosure/cycle_detail.html",
        {
            "cycle": cycle,
            "page": page,
            "proposed": filers.filter(confirmed=False).count(),
            "assign_form": AssignForm(filers=filers),
            "import_form": ImportForm(),
            "draw_form": DrawForm(),
            "draws": cycle.verification_draws.all(),
            "referrals": referrals_visible_to(request.user).filter(filer__cycle=cycle),
            "notices": notices_visible_to(request.user).filter(cycle=cycle)[:50],
        },
    )


def _cycle_action(request, year, call, success):
    require_office(request.user)
    cycle = get_object_or_404(FilingCycle, year=year)
    try:
        result = call(cycle)
        messages.success(request, success % {"n": result if isinstance(result, int) else len(result or [])})
    except ApplicationError as exc:
        show_error(request, exc)
    return redirect("disclosure-cycle", year=year)


@login_required
@require_POST
def cycle_confirm(request, year):
    def call(cycle):
        ids = request.POST.getlist("filers") or list(
            cycle.filers.filter(confirmed=False).values_list("pk", flat=True)
        )
        return services.filers_confirm(actor=request.user, cycle_id=cycle.pk, filer_ids=ids)

    return _cycle_action(request, year, call, _("%(n)s filers confirmed."))


@login_required
@require_POST
def cycle_import(request, year):
    def call(cycle):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            raise ApplicationError(_("Choose a CSV file."))
        return services.filers_import_csv(
            actor=request.user, cycle_id=cycle.pk, data=form.cleaned_data["file"].read()
        )

    return _cycle_action(request, year, call, _("%(n)s filers imported."))


@login_required
@require_POST
def cycle_assign(request, year):
    def call(cycle):
        form = AssignForm(request.POST, filers=cycle.filers.all())
        if not form.is_valid():
            raise ApplicationError(_("Choose a reviewer and at least one filer."))
        return services.reviewers_assign(
            actor=request.user,
            filer_ids=[f.pk for f in form.cleaned_data["filers"]],
            reviewer=form.cleaned_data["reviewer"],
        )

    return _cycle_action(request, year, call, _("%(n)s filers assigned."))


@login_required
@require_POST
def cycle_draw(request, year):
    def call(cycle):
        form = DrawForm(request.POST)
        if not form.is_valid():
            raise ApplicationError(_("Give the number of filers to draw."))
        draw = services.verification_draw(actor=request.user, cycle_id=cycle.pk, **form.cleaned_data)
        return len(draw.sampled) + len(draw.carried_over)

    return _cycle_action(request, year, call, _("%(n)s filers selected for verification."))


@login_required
@require_POST
def cycle_close(request, year):
    return _cycle_action(
        request,
        year,
        lambda cycle: services.cycle_close(actor=request.user, cycle_id=cycle.pk),
        _("Cycle closed; %(n)s filers referred to OHRM."),
    )


@login_required
@require_POST
def notices_send(request):
    """The office sends this month's notices now (the monthly task then finds them sent)."""
    require_office(request.user)
    created = services.monthly_notices_send(actor=request.user)
    messages.success(request, _("%(n)s notices sent.") % {"n": len(created)})
    return redirect("disclosure-compliance")


@login_required
def referral_letter(request, pk):
    referral = services.referral_letter_read(actor=request.user, referral_id=pk)
    response = HttpResponse(
        referral_letter_docx(referral),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="ohrm-referral-{referral.pk}.docx"'
    return response
