"""Browser pages of the programme: parse, call a service or selector, render."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.core.errors import ApplicationError, ValidationFailed
from ethics_office.organisation.models import SENIOR_GRADES, Person
from ethics_office.organisation.roles import Role, has_role, is_office

from . import services
from .forms import (
    AnswerForm,
    AssignForm,
    ConflictForm,
    CorrespondenceForm,
    CycleOpenForm,
    DesignateForm,
    DrawForm,
    ImportForm,
    PublicDisclosureForm,
    QueryForm,
    ResolutionForm,
    ReviewForm,
    StatementForm,
    VerificationMarkForm,
    VerificationUploadForm,
)
from .letters import referral_letter_docx
from .models import FilingCycle, StatementStatus
from .permissions import access_document, access_filing, access_referral
from .selectors import (
    compliance_entities,
    compliance_rows,
    compliance_summary,
    current_cycle,
    cycles_visible_to,
    filers_visible_to,
    notices_visible_to,
    own_filings,
    previous_statement_contents,
    public_disclosures,
    queries_visible_to,
    referrals_visible_to,
    reviewer_filers,
    statements_visible_to,
)


def _office_only(request):
    if not is_office(request.user):
        raise Http404


def _fail(request, exc: ApplicationError):
    if isinstance(exc, ValidationFailed) and exc.errors:
        for errors in exc.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        messages.error(request, exc.message)


def _back_to_filing(pk):
    return redirect("disclosure-filing", pk=pk)


# --- filer, reviewer and office: the filing ---------------------------------------------


@login_required
def index(request):
    """Your own filings; for a reviewer, the filers assigned; links onward by role."""
    assigned = None
    if has_role(request.user, Role.REVIEWER):
        assigned = Paginator(
            reviewer_filers(request.user)
            .select_related("person", "cycle", "entity")
            .order_by("-cycle__year", "person__name"),
            50,
        ).get_page(request.GET.get("page"))
    return render(
        request,
        "disclosure/index.html",
        {
            "filings": own_filings(request.user),
            "assigned": assigned,
            "office": is_office(request.user),
            "focal_point": has_role(request.user, Role.FOCAL_POINT),
            "cycle": current_cycle(),
        },
    )


@login_required
def filing_detail(request, pk):
    """The filing with its statement. Every read of the statement is recorded."""
    filer = access_filing(request.user, pk)
    is_filer = filer.person.user_id == request.user.pk
    latest = (
        statements_visible_to(request.user)
        .filter(filer=filer)
        .order_by("-version")
        .values_list("pk", flat=True)
        .first()
    )
    statement = services.statement_read(actor=request.user, statement_id=latest) if latest else None
    conflicts = list(filer.conflicts.all())
    for item in conflicts:
        # One form per item, prefixed, so the page's field ids stay unique.
        item.form = ResolutionForm(
            prefix=f"c{item.pk}",
            initial={
                "resolution": item.resolution or item.recommended_resolution,
                "follow_up": item.follow_up or "open",
            },
        )
    reviewer = has_role(request.user, Role.REVIEWER) or is_office(request.user)
    return render(
        request,
        "disclosure/filing_detail.html",
        {
            "filer": filer,
            "statement": statement,
            "sections": StatementForm.initial_from(statement.contents if statement else None),
            "section_labels": StatementForm.base_fields,
            "versions": statements_visible_to(request.user)
            .filter(filer=filer)
            .order_by("-version")
            .defer("contents"),
            "is_filer": is_filer,
            "can_review": reviewer and not is_filer,
            "office": is_office(request.user),
            "conflicts": conflicts,
            "correspondence": filer.correspondence.all(),
            "documents": filer.verification_documents.all(),
            "queries": filer.queries.all(),
            "public_disclosure": getattr(filer, "public_disclosure", None),
            "senior": filer.grade in SENIOR_GRADES,
            "review_form": ReviewForm(),
            "conflict_form": ConflictForm(),
            "correspondence_form": CorrespondenceForm(initial={"on": timezone.localdate()}),
            "upload_form": VerificationUploadForm(),
            "mark_form": VerificationMarkForm(),
            "public_form": PublicDisclosureForm(),
            "query_form": QueryForm(),
            "answer_form": AnswerForm(),
        },
    )


@login_required
def statement_edit(request, pk):
    """The filer completes the statement: save a draft, or certify and submit."""
    filer = access_filing(request.user, pk)
    if filer.person.user_id != request.user.pk:
        raise Http404
    latest = filer.statements.order_by("-version").first()
    if latest is not None and latest.status == StatementStatus.SUBMITTED:
        messages.info(request, _("This statement has been submitted and can no longer be changed."))
        return _back_to_filing(pk)
    if request.method == "POST":
        form = StatementForm(request.POST)
        if form.is_valid():
            try:
                statement = services.statement_start(actor=request.user, filer_id=pk)
                if "submit" in request.POST:
                    services.statement_submit(
                        actor=request.user,
                        statement_id=statement.pk,
                        contents=form.contents(),
                        certified=form.cleaned_data["certify"],
                    )
                    messages.success(request, _("Your statement has been submitted. Thank you."))
                    return _back_to_filing(pk)
                services.statement_save(
                    actor=request.user, statement_id=statement.pk, contents=form.contents()
                )
                messages.success(request, _("Draft saved."))
                return redirect("disclosure-statement-edit", pk=pk)
            except ApplicationError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    else:
        if latest is not None:
            contents = services.statement_read(actor=request.user, statement_id=latest.pk).contents
        else:
            contents = previous_statement_contents(filer)
        form = StatementForm(initial=StatementForm.initial_from(contents))
    return render(
        request,
        "disclosure/statement_form.html",
        {"filer": filer, "form": form, "statement": latest, "prefilled": latest is None},
    )


@login_required
@require_POST
def statement_amend(request, pk):
    try:
        services.statement_amend(actor=request.user, filer_id=pk)
        return redirect("disclosure-statement-edit", pk=pk)
    except ApplicationError as exc:
        _fail(request, exc)
    return _back_to_filing(pk)


def _post_form(request, pk, form_class, call, success):
    access_filing(request.user, pk)  # 404 before anything else for those who may not know the filing
    form = form_class(request.POST, request.FILES)
    if not form.is_valid():
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(
                    request, f"{form.fields[field].label if field in form.fields else ''}: {error}"
                )
        return _back_to_filing(pk)
    try:
        call(form.cleaned_data)
        messages.success(request, success)
    except ApplicationError as exc:
        _fail(request, exc)
    return _back_to_filing(pk)


@login_required
@require_POST
def review_record(request, pk):
    return _post_form(
        request,
        pk,
        ReviewForm,
        lambda d: services.review_record(actor=request.user, filer_id=pk, outcome=d["outcome"]),
        _("Review outcome recorded."),
    )


@login_required
@require_POST
def conflict_add(request, pk):
    return _post_form(
        request,
        pk,
        ConflictForm,
        lambda d: services.conflict_item_add(actor=request.user, filer_id=pk, **d),
        _("Conflict item recorded."),
    )


@login_required
@require_POST
def correspondence_add(request, pk):
    return _post_form(
        request,
        pk,
        CorrespondenceForm,
        lambda d: services.correspondence_log(actor=request.user, filer_id=pk, **d),
        _("Correspondence logged."),
    )


@login_required
@require_POST
def conflict_resolve(request, pk):
    _office_only(request)
    from .permissions import access_conflict_item

    item = access_conflict_item(request.user, pk)
    form = ResolutionForm(request.POST, prefix=f"c{pk}")
    if form.is_valid():
        try:
            services.conflict_resolution_set(actor=request.user, item_id=pk, **form.cleaned_data)
            messages.success(request, _("Resolution saved."))
        except ApplicationError as exc:
            _fail(request, exc)
    else:
        messages.error(request, _("Choose a resolution and a follow-up status."))
    return _back_to_filing(item.filer_id)


@login_required
@require_POST
def verification_upload(request, pk):
    return _post_form(
        request,
        pk,
        VerificationUploadForm,
        lambda d: services.verification_document_upload(actor=request.user, filer_id=pk, upload=d["file"]),
        _("Document uploaded."),
    )


@login_required
@require_POST
def verification_mark(request, pk):
    return _post_form(
        request,
        pk,
        VerificationMarkForm,
        lambda d: services.verification_mark(actor=request.user, filer_id=pk, complete=d["complete"]),
        _("Verification recorded."),
    )


@login_required
def document_download(request, pk):
    document = access_document(request.user, pk)
    audit_record(actor=request.user, action=Action.VIEW, obj=document, fields=["file"])
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type,
    )


@login_required
@require_POST
def public_choice(request, pk):
    return _post_form(
        request,
        pk,
        PublicDisclosureForm,
        lambda d: services.public_disclosure_choose(actor=request.user, filer_id=pk, **d),
        _("Your choice has been recorded."),
    )


@login_required
@require_POST
def query_ask(request, pk):
    return _post_form(
        request,
        pk,
        QueryForm,
        lambda d: services.filer_query_ask(actor=request.user, filer_id=pk, question=d["question"]),
        _("Your question has been sent. The office answers within 48 hours."),
    )


@login_required
def query_list(request):
    """Open filer queries with their 48-hour clock, oldest due first."""
    _office_only(request)
    open_queries = queries_visible_to(request.user).filter(answered_at__isnull=True).order_by("due_at")
    page = Paginator(open_queries, 50).get_page(request.GET.get("page"))
    return render(request, "disclosure/query_list.html", {"page": page, "now": timezone.now()})


@login_required
@require_POST
def query_answer(request, pk):
    _office_only(request)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.filer_query_answer(actor=request.user, query_id=pk, answer=form.cleaned_data["answer"])
            messages.success(request, _("Answer sent."))
        except ApplicationError as exc:
            _fail(request, exc)
    return redirect("disclosure-queries")


# --- the office: cycles ------------------------------------------------------------------


@login_required
def cycle_list(request):
    _office_only(request)
    form = CycleOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.cycle_open(actor=request.user, **form.cleaned_data)
            messages.success(
                request, _("The %(year)s cycle is open: confirm the proposed filers.") % {"year": cycle.year}
            )
            return redirect("disclosure-cycle", year=cycle.year)
        except ApplicationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return render(
        request, "disclosure/cycle_list.html", {"cycles": cycles_visible_to(request.user), "form": form}
    )


@login_required
def cycle_detail(request, year):
    _office_only(request)
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
    _office_only(request)
    cycle = get_object_or_404(FilingCycle, year=year)
    try:
        result = call(cycle)
        messages.success(request, success % {"n": result if isinstance(result, int) else len(result or [])})
    except ApplicationError as exc:
        _fail(request, exc)
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
    _office_only(request)
    created = services.monthly_notices_send(actor=request.user)
    messages.success(request, _("%(n)s notices sent.") % {"n": len(created)})
    return redirect("disclosure-compliance")


@login_required
def referral_letter(request, pk):
    referral = access_referral(request.user, pk)
    audit_record(actor=request.user, action=Action.EXPORT, obj=referral, fields=["letter"])
    response = HttpResponse(
        referral_letter_docx(referral),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="ohrm-referral-{referral.pk}.docx"'
    return response


# --- designation and compliance (office and focal points) ----------------------------------


@login_required
def designate(request):
    """The office, or a focal point for the person's entity, designates a filer with a reason."""
    if not (is_office(request.user) or has_role(request.user, Role.FOCAL_POINT)):
        raise Http404
    cycle = current_cycle()
    form = DesignateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = Person.objects.filter(index_number=form.cleaned_data["index_number"].strip()).first()
        if person is None or cycle is None:
            form.add_error("index_number", _("No person with this index number, or no open cycle."))
        else:
            try:
                filer = services.filer_designate(
                    actor=request.user, cycle_id=cycle.pk, person=person, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("%(name)s designated as a filer.") % {"name": filer.person.name})
                return redirect("disclosure-compliance")
            except Http404:
                form.add_error("index_number", _("You cannot designate filers for this person's entity."))
            except ApplicationError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return render(request, "disclosure/designate.html", {"form": form, "cycle": cycle})


def _compliance_scope(request):
    if not (is_office(request.user) or has_role(request.user, Role.FOCAL_POINT)):
        raise Http404
    cycles = cycles_visible_to(request.user)
    year = request.GET.get("cycle")
    cycle = cycles.filter(year=year).first() if year and year.isdigit() else cycles.first()
    entities = compliance_entities(request.user).order_by("code")
    entity = entities.filter(code=request.GET.get("entity")).first() if request.GET.get("entity") else None
    today = timezone.localdate()
    rows = compliance_rows(request.user, cycle, today=today, entity=entity) if cycle else None
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
    audit_record(actor=request.user, action=Action.EXPORT, obj=cycle, fields=["compliance"])
    return response


# --- public --------------------------------------------------------------------------------


def public_list(request):
    """No login: each cycle's voluntary public disclosure participants, their choice and summary."""
    year = request.GET.get("cycle")
    cycle = FilingCycle.objects.filter(year=year).first() if year and year.isdigit() else None
    page = Paginator(public_disclosures(cycle), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "disclosure/public_list.html",
        {"page": page, "cycle": cycle, "years": FilingCycle.objects.values_list("year", flat=True)},
    )


def filing_url(filer) -> str:
    return reverse("disclosure-filing", kwargs={"pk": filer.pk})
