"""The office's pages: cycles, assignment, verification draws, notices, referrals, filer queries."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.dataversion import asked, remembered
from ethics_office.base.forms import form_action, form_submit
from ethics_office.base.gates import require_office
from ethics_office.base.pagination import RowsPaginator

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
    current_draw_facts,
    cycle_filer_rows,
    cycle_referral_rows,
    cycles_visible_to,
    filers_visible_to,
    notices_of_cycle,
    queries_visible_to,
    sorted_filers,
)
from .confirm import confirm_all_proposed, confirm_close


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
    return form_action(
        request,
        AnswerForm(request.POST),
        lambda d: services.filer_query_answer(actor=request.user, query_id=pk, answer=d["answer"]),
        success=_("Answer sent."),
        back=reverse("disclosure-queries"),
    )


# --- the office: cycles ------------------------------------------------------------------


@login_required
def cycle_list(request):
    require_office(request.user)
    form = CycleOpenForm(request.POST or None)
    if request.method == "POST" and (
        done := form_submit(
            request,
            form,
            lambda d: services.cycle_open(actor=request.user, **d),
            success=lambda cycle: (
                _("The %(year)s cycle is open: confirm the proposed filers.") % {"year": cycle.year}
            ),
            then=lambda cycle: reverse("disclosure-cycle", kwargs={"year": cycle.year}),
        )
    ):
        return done
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
        .order_by("confirmed", "sort_entity", "sort_name", "pk")
    )

    def cycle_page():
        # Two counts, not one aggregate of both: the proposed ones are counted from the cycle page's
        # index alone (0.1 ms); counted in the total's pass they read every row (~1.5 ms more).
        rows = sorted_filers(cycle_filer_rows(filers), request.GET.get("sort"))
        page = RowsPaginator(rows, 100, counted=filers).get_page(request.GET.get("page"))
        return {
            "filers_table": render_to_string("disclosure/_cycle_filers.html", {"page": page}, request),
            "pager": render_to_string("includes/pager.html", {"page": page}, request),
            "proposed": filers.filter(confirmed=False).count(),
            "current_draw": current_draw_facts(request.user, cycle),
            "referrals": cycle_referral_rows(request.user, cycle),
        }

    # The page of filers, the counts, the draw and the referrals are kept under the data version for
    # this person and this query (base.dataversion): opened again with nothing changed, 45,000
    # filers are not counted again. Not the notices: their status follows the outbox, whose failed
    # deliveries are written with update() and no audit event, which do not move the version on.
    shown = remembered("disclosure:cycle-page", asked(request, cycle.pk), cycle_page)
    return render(
        request,
        "disclosure/cycle_detail.html",
        {
            "cycle": cycle,
            **shown,
            "notices": notices_of_cycle(request.user, cycle.year),
            "assign_form": AssignForm(filers=filers),
            "import_form": ImportForm(),
        },
    )


def _cycle_action(request, year, form, call, success, invalid=None, then=None):
    """An action on the cycle's page; `success` takes the number of filers it touched."""
    require_office(request.user)
    cycle = get_object_or_404(FilingCycle, year=year)
    return form_action(
        request,
        form,
        lambda d: call(cycle, d),
        success=lambda result: success % {"n": result if isinstance(result, int) else len(result or [])},
        back=reverse("disclosure-cycle", kwargs={"year": year}),
        invalid=invalid,
        then=then,
    )


@login_required
def cycle_confirm(request, year):
    """The ticked filers are confirmed at once; "all proposed" goes through a confirmation page."""
    ticked = request.POST.getlist("filers")
    if not ticked and "confirmed" not in request.POST:
        require_office(request.user)
        return confirm_all_proposed(request, get_object_or_404(FilingCycle, year=year))

    def call(cycle, _d):
        ids = ticked or list(cycle.filers.filter(confirmed=False).values_list("pk", flat=True))
        return services.filers_confirm(actor=request.user, cycle_id=cycle.pk, filer_ids=ids)

    return _cycle_action(request, year, None, call, _("%(n)s filers confirmed."))


@login_required
@require_POST
def cycle_import(request, year):
    return _cycle_action(
        request,
        year,
        ImportForm(request.POST, request.FILES),
        lambda cycle, d: services.filers_import_csv(
            actor=request.user, cycle_id=cycle.pk, data=d["file"].read()
        ),
        _("%(n)s filers imported."),
        invalid=_("Choose a CSV file."),
    )


@login_required
@require_POST
def cycle_assign(request, year):
    cycle = get_object_or_404(FilingCycle, year=year)
    return _cycle_action(
        request,
        year,
        AssignForm(request.POST, filers=cycle.filers.all()),
        lambda cycle, d: services.reviewers_assign(
            actor=request.user, filer_ids=[f.pk for f in d["filers"]], reviewer=d["reviewer"]
        ),
        _("%(n)s filers assigned."),
        invalid=_("Choose a reviewer and at least one filer."),
    )


@login_required
@require_POST
def cycle_draw(request, year):
    def call(cycle, d):
        draw = services.verification_draw(actor=request.user, cycle_id=cycle.pk, **d)
        return len(draw.sampled) + len(draw.carried_over)

    return _cycle_action(
        request,
        year,
        DrawForm(request.POST),
        call,
        _("%(n)s filers selected for verification."),
        invalid=_("Give the number of filers to draw."),
        then=reverse("disclosure-verification", kwargs={"year": year}),
    )


@login_required
def cycle_close(request, year):
    """A confirmation page states who will be referred to OHRM; the confirmed POST closes."""
    if "confirmed" not in request.POST:
        require_office(request.user)
        return confirm_close(request, get_object_or_404(FilingCycle, year=year))
    return _cycle_action(
        request,
        year,
        None,
        lambda cycle, _d: services.cycle_close(actor=request.user, cycle_id=cycle.pk),
        _("Cycle closed; %(n)s filers referred to OHRM."),
    )


@login_required
def referral_letter(request, pk):
    referral = services.referral_letter_read(actor=request.user, referral_id=pk)
    response = HttpResponse(
        referral_letter_docx(referral),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="ohrm-referral-{referral.pk}.docx"'
    return response
