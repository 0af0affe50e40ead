"""The office's pages for a wave (design, sample, fielding, results) and the mission heads' results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error
from ethics_office.base.roles import Role, has_role, is_office

from .. import document, services
from .. import results as results_mod
from ..forms import AssessmentForm, RegisterEntryForm
from ..models import Status
from ..permissions import access_assessment, require_office
from ..selectors import (
    ASSESSMENT_ORDERS,
    assessments_visible_to,
    free_text_answers,
    mission_codes_visible_to,
    register_entries_visible_to,
    sorted_list,
)
from .common import show_error


@login_required
def assessment_list(request):
    if not (is_office(request.user) or has_role(request.user, Role.FOCAL_POINT)):
        raise Http404
    assessments = sorted_list(
        assessments_visible_to(request.user).order_by("-reference_date", "-pk"),
        request.GET.get("sort"),
        ASSESSMENT_ORDERS,
    )
    page = Paginator(assessments, 50).get_page(request.GET.get("page"))
    return render(request, "assessment/list.html", {"page": page, "office": is_office(request.user)})


@login_required
def assessment_create(request):
    require_office(request.user)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_create(actor=request.user, **form.cleaned_data)
            messages.success(request, _("Assessment created: draw the sample next."))
            return redirect("assessment-detail", pk=assessment.pk)
        except ApplicationError as exc:
            add_application_error(form, exc)
    return render(request, "assessment/create.html", {"form": form})


@login_required
def assessment_detail(request, pk):
    require_office(request.user)
    assessment = access_assessment(request.user, pk)
    res = results_mod.compute(assessment, with_comparison=False)
    return render(
        request,
        "assessment/detail.html",
        {
            "assessment": assessment,
            "strata": res.strata,
            "missions": assessment.missions.all(),
            "min_cell": res.min_cell_size,
            "is_director": has_role(request.user, Role.DIRECTOR),
            "Status": Status,
        },
    )


def _act(request, pk, call, success):
    require_office(request.user)
    try:
        call()
        messages.success(request, success)
    except ApplicationError as exc:
        show_error(request, exc)
    return redirect("assessment-detail", pk=pk)


@login_required
@require_POST
def assessment_draw(request, pk):
    return _act(
        request, pk, lambda: services.sample_draw(actor=request.user, assessment_id=pk), _("Sample drawn.")
    )


@login_required
@require_POST
def assessment_field(request, pk):
    return _act(
        request,
        pk,
        lambda: services.assessment_field(actor=request.user, assessment_id=pk),
        _("The assessment is in the field; invitations are on their way."),
    )


@login_required
@require_POST
def assessment_remind(request, pk):
    require_office(request.user)
    try:
        count = services.reminders_send(actor=request.user, assessment_id=pk)
        messages.success(request, _("Reminders sent: %(n)s.") % {"n": count})
    except ApplicationError as exc:
        show_error(request, exc)
    return redirect("assessment-detail", pk=pk)


@login_required
@require_POST
def assessment_close(request, pk):
    return _act(
        request,
        pk,
        lambda: services.assessment_close(actor=request.user, assessment_id=pk),
        _("Fieldwork closed."),
    )


@login_required
@require_POST
def assessment_publish(request, pk):
    return _act(
        request,
        pk,
        lambda: services.assessment_publish(actor=request.user, assessment_id=pk),
        _("Results published to the missions."),
    )


def _results_document(request, assessment):
    office = is_office(request.user)
    if not office and assessment.status != Status.PUBLISHED:
        raise Http404
    res = results_mod.compute(assessment)
    missions = mission_codes_visible_to(request.user, assessment)
    return res, document.build(assessment, res, missions=missions, office=office)


@login_required
def results(request, pk):
    assessment = access_assessment(request.user, pk)
    res, doc = _results_document(request, assessment)
    entries = register_entries_visible_to(request.user).filter(assessment=assessment)
    return render(
        request,
        "assessment/results.html",
        {
            "assessment": assessment,
            "document": doc,
            "results": res,
            "entries": entries,
            "office": is_office(request.user),
            "entry_form": RegisterEntryForm() if is_office(request.user) else None,
        },
    )


@login_required
def results_export(request, pk, fmt):
    if fmt not in document.CONTENT_TYPES:
        raise Http404
    assessment = access_assessment(request.user, pk)
    _res, doc = _results_document(request, assessment)
    data = document.to_docx(doc) if fmt == "docx" else document.to_pdf(doc)
    audit_record(actor=request.user, action=Action.EXPORT, obj=assessment, fields=[fmt])
    response = HttpResponse(data, content_type=document.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{document.filename(assessment, fmt)}"'
    return response


@login_required
def free_text(request, pk):
    """The office reads free-text answers (decrypted here only), by question, never by person."""
    require_office(request.user)
    assessment = access_assessment(request.user, pk)
    answers = free_text_answers(assessment)
    page = Paginator(answers, 50).get_page(request.GET.get("page"))
    audit_record(actor=request.user, action=Action.VIEW, obj=assessment, fields=["free_text"])
    return render(request, "assessment/free_text.html", {"assessment": assessment, "page": page})
