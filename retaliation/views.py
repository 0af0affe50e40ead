"""Browser pages. The office's case file and the complainant's view are separate templates
from separate gates, so internal notes cannot leak into the complainant's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.files import private_download
from ethics_office.base.forms import add_application_error as _apply_errors
from ethics_office.base.gates import require_office
from ethics_office.base.roles import Role, has_role, is_office

from . import forms, services
from .models import InquiryKind, ReviewOutcome
from .permissions import access_own_retaliation_inquiry, access_retaliation_inquiry
from .selectors import (
    case_letters,
    complainant_letters,
    inquiries_handled_by,
    inquiries_of_complainant,
    officers_assigned_to,
    open_reviews_handled_by,
)
from .workflow import Status


def _clock_row(case, today):
    left = case.days_left(today)
    return case, left, case.review_deadline(today), -left if left < 0 else 0


@login_required
def inquiry_list(request):
    """The office's dashboard (open reviews with days left, all cases) and the user's own requests."""
    handles = is_office(request.user)
    context = {"handles": handles, "today": timezone.localdate()}
    if handles:
        status = request.GET.get("status", "")
        cases = inquiries_handled_by(request.user)
        if status in Status.values:
            cases = cases.filter(status=status)
        context.update(
            reviews=[
                _clock_row(case, context["today"]) for case in open_reviews_handled_by(request.user)[:200]
            ],
            page=Paginator(cases, 50).get_page(request.GET.get("page")),
            status=status,
            statuses=Status.choices,
        )
    context["own"] = list(inquiries_of_complainant(request.user)[:50])
    return render(request, "retaliation/list.html", context)


def _intake_context(request, form, actions):
    return {"form": form, "actions": actions}


@login_required
def inquiry_request(request):
    """A staff member asks for protection."""
    form = forms.RequestForm(request.POST or None, request.FILES or None)
    actions = forms.ActionFormSet(request.POST or None, prefix="actions")
    if request.method == "POST" and form.is_valid() and actions.is_valid():
        data = form.cleaned_data
        try:
            inquiry = services.inquiry_request(
                actor=request.user,
                protected_activity=data["protected_activity"],
                reported_to=data["reported_to"],
                reported_on=data["reported_on"],
                narrative=data["narrative"],
                actions=[a for a in actions.cleaned_data if a],
                files=data["evidence"],
            )
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Your request for protection was received. Your reference is %(ref)s.")
                % {"ref": inquiry.service_request.ref},
            )
            return redirect("retaliation-detail", pk=inquiry.pk)
    return render(request, "retaliation/request.html", _intake_context(request, form, actions))


@login_required
def inquiry_record(request):
    """An officer records an inquiry received by other means."""
    require_office(request.user)
    form = forms.RecordForm(request.POST or None, request.FILES or None)
    actions = forms.ActionFormSet(request.POST or None, prefix="actions")
    if request.method == "POST" and form.is_valid() and actions.is_valid():
        data = form.cleaned_data
        try:
            inquiry = services.inquiry_record(
                actor=request.user,
                requester=data["requester_index"],
                channel=data["channel"],
                received=data["received"],
                protected_activity=data["protected_activity"],
                reported_to=data["reported_to"],
                reported_on=data["reported_on"],
                narrative=data["narrative"],
                actions=[a for a in actions.cleaned_data if a],
                files=data["evidence"],
            )
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(
                request, _("The inquiry was recorded as %(ref)s.") % {"ref": inquiry.service_request.ref}
            )
            return redirect("retaliation-detail", pk=inquiry.pk)
    return render(
        request, "retaliation/record.html", _intake_context(request, form, actions) | {"record": True}
    )


def _handler_context(request, inquiry, bound=None):
    """Everything the case file shows; `bound` replaces one blank form with the submitted one."""
    blank = {key: cls(prefix=key) for cls, key, _h in OFFICE_ACTIONS.values()}
    if bound:
        blank.update(bound)
    today = timezone.localdate()
    return {
        "inquiry": inquiry,
        "sr": inquiry.service_request,
        "actions": list(inquiry.actions.all()),
        "evidence": list(inquiry.evidence.all()),
        "notes": list(inquiry.notes.select_related("author")),
        "pauses": list(inquiry.pauses.all()),
        "letters": list(case_letters(inquiry)),
        "interim_measures": [
            (
                m,
                forms.InterimImplementedForm(
                    prefix="interim_done", auto_id=f"id_im{m.pk}_%s", initial={"measure_id": m.pk}
                ),
            )
            for m in inquiry.interim_measures.all()
        ],
        "corrective_measures": [
            (
                m,
                forms.CorrectiveDoneForm(
                    prefix="corrective_done", auto_id=f"id_cm{m.pk}_%s", initial={"measure_id": m.pk}
                ),
            )
            for m in inquiry.corrective_measures.all()
        ],
        "officers": list(officers_assigned_to(inquiry)),
        "panel_request": getattr(inquiry, "panel_review_request", None),
        "deadline": inquiry.review_deadline(today),
        "days_left": inquiry.days_left(today),
        "days_elapsed": inquiry.days_elapsed(today),
        "is_director": has_role(request.user, Role.DIRECTOR),
        "forms": blank,
        "Status": Status,
        "InquiryKind": InquiryKind,
    }


def _complainant_context(request, inquiry, bound=None):
    return {
        "inquiry": inquiry,
        "sr": inquiry.service_request,
        "letters": list(complainant_letters(inquiry)),
        "evidence": list(inquiry.evidence.filter(uploaded_by=request.user)),
        "panel_request": getattr(inquiry, "panel_review_request", None),
        "can_ask_panel": inquiry.retaliation_established is not None
        or inquiry.review_outcome == ReviewOutcome.NO_PRIMA_FACIE,
        "forms": {
            "evidence": forms.EvidenceForm(prefix="evidence"),
            "panel": forms.PanelReviewForm(prefix="panel"),
            **(bound or {}),
        },
        "Status": Status,
    }


def _gate(user, pk):
    """(inquiry, handles): the case file for the office handling it, else the complainant's view."""
    try:
        return access_retaliation_inquiry(user, pk), True
    except Http404:
        return access_own_retaliation_inquiry(user, pk), False


def _render_case(request, inquiry, handles, bound=None, status=200):
    if handles:
        return render(
            request, "retaliation/detail.html", _handler_context(request, inquiry, bound), status=status
        )
    return render(
        request, "retaliation/mine.html", _complainant_context(request, inquiry, bound), status=status
    )


@login_required
def inquiry_detail(request, pk):
    inquiry, handles = _gate(request.user, pk)
    services.inquiry_view_record(actor=request.user, inquiry=inquiry, what="case" if handles else "status")
    return _render_case(request, inquiry, handles)


# --- actions on a case: slug -> (form, who may, call) ------------------------------------------


def _a_assign(user, pk, d):
    services.inquiry_assign(actor=user, inquiry_id=pk, officer=d["officer"])
    return _("%(name)s is assigned to the case.") % {"name": d["officer"].get_username()}


def _a_unassign(user, pk, d):
    services.inquiry_unassign(actor=user, inquiry_id=pk, officer=d["officer"])
    return _("%(name)s no longer has access to the case.") % {"name": d["officer"].get_username()}


def _a_classify(user, pk, d):
    services.inquiry_classify(
        actor=user,
        inquiry_id=pk,
        kind=d["kind"],
        referred_to=d["referred_to"],
        referred_to_other=d["referred_to_other"],
        letter_format=d["letter_format"],
    )
    return _("The inquiry is classified.")


def _a_note(user, pk, d):
    services.case_note_add(actor=user, inquiry_id=pk, text=d["text"])
    return _("Note added.")


def _a_action(user, pk, d):
    services.retaliatory_action_add(
        actor=user,
        inquiry_id=pk,
        occurred_on=d["occurred_on"],
        taken_by=d["taken_by"],
        description=d["description"],
    )
    return _("Action added.")


def _a_evidence(user, pk, d):
    services.evidence_add(actor=user, inquiry_id=pk, upload=d["file"])
    return _("Evidence added.")


def _a_evidence_own(user, pk, d):
    services.evidence_add(actor=user, inquiry_id=pk, upload=d["file"], as_complainant=True)
    return _("Evidence added.")


def _a_pause(user, pk, d):
    services.review_pause(actor=user, inquiry_id=pk, reason=d["reason"], on=d["on"])
    return _("The clock is paused.")


def _a_resume(user, pk, d):
    services.review_resume(actor=user, inquiry_id=pk, on=d["on"])
    return _("The clock runs again.")


def _a_review(user, pk, d):
    services.review_complete(actor=user, inquiry_id=pk, **d)
    return _("The preliminary review is recorded and the letter generated.")


def _a_interim(user, pk, d):
    services.interim_measure_recommend(actor=user, inquiry_id=pk, **d)
    return _("Interim measure recorded.")


def _a_interim_done(user, pk, d):
    services.interim_measure_record_implementation(actor=user, inquiry_id=pk, **d)
    return _("Implementation recorded.")


def _a_report(user, pk, d):
    services.investigation_report_receive(actor=user, inquiry_id=pk, received=d["received"])
    return _("The investigation report is recorded.")


def _a_determine(user, pk, d):
    services.determination_make(actor=user, inquiry_id=pk, **d)
    return _("The determination is recorded and the letter generated.")


def _a_corrective(user, pk, d):
    services.corrective_measure_recommend(actor=user, inquiry_id=pk, description=d["description"])
    return _("Corrective measure recorded.")


def _a_corrective_done(user, pk, d):
    services.corrective_measure_implement(actor=user, inquiry_id=pk, **d)
    return _("Implementation recorded.")


def _a_letter(user, pk, d):
    services.letter_generate(actor=user, inquiry_id=pk, kind=d["kind"], fmt=d["format"])
    return _("The letter was generated again.")


def _a_panel(user, pk, d):
    services.panel_review_request(actor=user, inquiry_id=pk, reasons=d["reasons"])
    return _("Your request for a review by the Chair of the Ethics Panel was sent.")


# (form class, form key in the page, handler). Office actions need the case file gate;
# complainant actions need the complainant's own gate.
OFFICE_ACTIONS = {
    "assign": (forms.AssignForm, "assign", _a_assign),
    "unassign": (forms.UnassignForm, "unassign", _a_unassign),
    "classify": (forms.ClassifyForm, "classify", _a_classify),
    "note": (forms.NoteForm, "note", _a_note),
    "action": (forms.ActionForm, "action", _a_action),
    "evidence": (forms.EvidenceForm, "evidence", _a_evidence),
    "pause": (forms.PauseForm, "pause", _a_pause),
    "resume": (forms.ResumeForm, "resume", _a_resume),
    "review": (forms.ReviewForm, "review", _a_review),
    "interim": (forms.InterimForm, "interim", _a_interim),
    "interim-done": (forms.InterimImplementedForm, "interim_done", _a_interim_done),
    "report": (forms.ReportForm, "report", _a_report),
    "determine": (forms.DeterminationForm, "determine", _a_determine),
    "corrective": (forms.CorrectiveForm, "corrective", _a_corrective),
    "corrective-done": (forms.CorrectiveDoneForm, "corrective_done", _a_corrective_done),
    "letter": (forms.LetterForm, "letter", _a_letter),
}
COMPLAINANT_ACTIONS = {
    "evidence": (forms.EvidenceForm, "evidence", _a_evidence_own),
    "panel-review": (forms.PanelReviewForm, "panel", _a_panel),
}


@login_required
@require_POST
def inquiry_act(request, pk, action):
    inquiry, handles = _gate(request.user, pk)
    table = OFFICE_ACTIONS if handles else COMPLAINANT_ACTIONS
    if action not in table:
        raise Http404
    form_class, key, handler = table[action]
    form = form_class(request.POST, request.FILES, prefix=key)
    if form.is_valid():
        try:
            message = handler(request.user, inquiry.pk, form.cleaned_data)
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, message)
            return redirect(reverse("retaliation-detail", kwargs={"pk": inquiry.pk}))
    inquiry, handles = _gate(request.user, pk)  # re-read: a failed service rolled back
    services.inquiry_view_record(actor=request.user, inquiry=inquiry, what="case" if handles else "status")
    return _render_case(request, inquiry, handles, bound={key: form}, status=400)


@login_required
def evidence_download(request, pk, evidence_pk):
    inquiry, handles = _gate(request.user, pk)
    items = inquiry.evidence.all() if handles else inquiry.evidence.filter(uploaded_by=request.user)
    item = items.filter(pk=evidence_pk).first()
    if item is None:
        raise Http404
    audit_record(actor=request.user, action=Action.VIEW, obj=item, fields=["file"])
    return private_download(item.file, filename=item.original_name)


@login_required
def letter_download(request, pk, letter_pk):
    inquiry, handles = _gate(request.user, pk)
    letters = case_letters(inquiry) if handles else complainant_letters(inquiry)
    letter = letters.filter(pk=letter_pk).first()
    if letter is None:
        raise Http404
    audit_record(actor=request.user, action=Action.VIEW, obj=letter, fields=["file"])
    return private_download(letter.file, filename=letter.filename)
