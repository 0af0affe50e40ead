"""One view, one URL per action on a case (all POST).

Office actions need the case file's gate (the Director or an assigned officer); the
complainant's actions need their own case. Anyone else gets 404. A refused or invalid
form renders the case page again with the submitted form and its errors (400).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.forms import form_submit

from .. import forms, services
from ..permissions import access_case_or_own
from .cases import render_case

OFFICE, COMPLAINANT, EITHER = "office", "complainant", "either"


def _act(request, pk, form_class, key, call, success, *, who=OFFICE):
    """Gate, run the form through the service, back to the case; else the case page with the errors."""
    inquiry, handles = access_case_or_own(request.user, pk)
    if (who == OFFICE and not handles) or (who == COMPLAINANT and handles):
        raise Http404
    form = form_class(request.POST, request.FILES, prefix=key)
    done = form_submit(
        request,
        form,
        lambda d: call(d, handles),
        success=success,
        then=reverse("retaliation-detail", kwargs={"pk": inquiry.pk}),
    )
    if done:
        return done
    inquiry, handles = access_case_or_own(request.user, pk)  # re-read: a failed service rolled back
    services.inquiry_view_record(actor=request.user, inquiry=inquiry, what="case" if handles else "status")
    return render_case(request, inquiry, handles, bound={key: form}, status=400)


@login_required
@require_POST
def case_assign(request, pk):
    def call(d, _handles):
        services.inquiry_assign(actor=request.user, inquiry_id=pk, officer=d["officer"])
        return d["officer"]

    return _act(
        request,
        pk,
        forms.AssignForm,
        "assign",
        call,
        lambda officer: _("%(name)s is assigned to the case.") % {"name": officer.get_username()},
    )


@login_required
@require_POST
def case_unassign(request, pk):
    def call(d, _handles):
        services.inquiry_unassign(actor=request.user, inquiry_id=pk, officer=d["officer"])
        return d["officer"]

    return _act(
        request,
        pk,
        forms.UnassignForm,
        "unassign",
        call,
        lambda officer: _("%(name)s no longer has access to the case.") % {"name": officer.get_username()},
    )


@login_required
@require_POST
def case_classify(request, pk):
    return _act(
        request,
        pk,
        forms.ClassifyForm,
        "classify",
        lambda d, _h: services.inquiry_classify(
            actor=request.user,
            inquiry_id=pk,
            kind=d["kind"],
            referred_to=d["referred_to"],
            referred_to_other=d["referred_to_other"],
            letter_format=d["letter_format"],
        ),
        _("The inquiry is classified."),
    )


@login_required
@require_POST
def note_add(request, pk):
    return _act(
        request,
        pk,
        forms.NoteForm,
        "note",
        lambda d, _h: services.case_note_add(actor=request.user, inquiry_id=pk, text=d["text"]),
        _("Note added."),
    )


@login_required
@require_POST
def action_add(request, pk):
    return _act(
        request,
        pk,
        forms.ActionForm,
        "action",
        lambda d, _h: services.retaliatory_action_add(
            actor=request.user,
            inquiry_id=pk,
            occurred_on=d["occurred_on"],
            taken_by=d["taken_by"],
            description=d["description"],
        ),
        _("Action added."),
    )


@login_required
@require_POST
def evidence_add(request, pk):
    """The office adds to the case file; the complainant sends more of their own."""
    return _act(
        request,
        pk,
        forms.EvidenceForm,
        "evidence",
        lambda d, handles: services.evidence_add(
            actor=request.user, inquiry_id=pk, upload=d["file"], as_complainant=not handles
        ),
        _("Evidence added."),
        who=EITHER,
    )


@login_required
@require_POST
def clock_pause(request, pk):
    return _act(
        request,
        pk,
        forms.PauseForm,
        "pause",
        lambda d, _h: services.review_pause(
            actor=request.user, inquiry_id=pk, reason=d["reason"], on=d["on"]
        ),
        _("The clock is paused."),
    )


@login_required
@require_POST
def clock_resume(request, pk):
    return _act(
        request,
        pk,
        forms.ResumeForm,
        "resume",
        lambda d, _h: services.review_resume(actor=request.user, inquiry_id=pk, on=d["on"]),
        _("The clock runs again."),
    )


@login_required
@require_POST
def review_complete(request, pk):
    return _act(
        request,
        pk,
        forms.ReviewForm,
        "review",
        lambda d, _h: services.review_complete(
            actor=request.user,
            inquiry_id=pk,
            findings=services.ReviewFindings.from_data(d),
            decision=services.ReviewDecision.from_data(d),
            letter_format=d["letter_format"],
        ),
        _("The preliminary review is recorded and the letter generated."),
    )


@login_required
@require_POST
def interim_recommend(request, pk):
    return _act(
        request,
        pk,
        forms.InterimForm,
        "interim",
        lambda d, _h: services.interim_measure_recommend(actor=request.user, inquiry_id=pk, **d),
        _("Interim measure recorded."),
    )


@login_required
@require_POST
def interim_implemented(request, pk):
    return _act(
        request,
        pk,
        forms.InterimImplementedForm,
        "interim_done",
        lambda d, _h: services.interim_measure_record_implementation(actor=request.user, inquiry_id=pk, **d),
        _("Implementation recorded."),
    )


@login_required
@require_POST
def report_receive(request, pk):
    return _act(
        request,
        pk,
        forms.ReportForm,
        "report",
        lambda d, _h: services.investigation_report_receive(
            actor=request.user, inquiry_id=pk, received=d["received"]
        ),
        _("The investigation report is recorded."),
    )


@login_required
@require_POST
def determination_make(request, pk):
    return _act(
        request,
        pk,
        forms.DeterminationForm,
        "determine",
        lambda d, _h: services.determination_make(actor=request.user, inquiry_id=pk, **d),
        _("The determination is recorded and the letter generated."),
    )


@login_required
@require_POST
def corrective_recommend(request, pk):
    return _act(
        request,
        pk,
        forms.CorrectiveForm,
        "corrective",
        lambda d, _h: services.corrective_measure_recommend(
            actor=request.user, inquiry_id=pk, description=d["description"]
        ),
        _("Corrective measure recorded."),
    )


@login_required
@require_POST
def corrective_implemented(request, pk):
    return _act(
        request,
        pk,
        forms.CorrectiveDoneForm,
        "corrective_done",
        lambda d, _h: services.corrective_measure_implement(actor=request.user, inquiry_id=pk, **d),
        _("Implementation recorded."),
    )


@login_required
@require_POST
def letter_generate(request, pk):
    return _act(
        request,
        pk,
        forms.LetterForm,
        "letter",
        lambda d, _h: services.letter_generate(
            actor=request.user, inquiry_id=pk, kind=d["kind"], fmt=d["format"]
        ),
        _("The letter was generated again."),
    )


@login_required
@require_POST
def panel_review_request(request, pk):
    """The complainant asks the Chair of the Ethics Panel to review the outcome."""
    return _act(
        request,
        pk,
        forms.PanelReviewForm,
        "panel",
        lambda d, _h: services.panel_review_request(actor=request.user, inquiry_id=pk, reasons=d["reasons"]),
        _("Your request for a review by the Chair of the Ethics Panel was sent."),
        who=COMPLAINANT,
    )


@login_required
@require_POST
def sign_off(request, pk):
    return _act(
        request,
        pk,
        forms.SignOffForm,
        "sign_off",
        lambda d, _h: services.prima_facie_sign_off(
            actor=request.user,
            inquiry_id=pk,
            approve=d["decision"] == "approve",
            letter_format=d["letter_format"],
        ),
        lambda inquiry: (
            _("The finding is signed off and the case referred for investigation.")
            if inquiry.status == "referred"
            else _("The finding went back to the review.")
        ),
    )


@login_required
@require_POST
def message_post(request, pk):
    return _act(
        request,
        pk,
        forms.MessageForm,
        "message",
        lambda d, _h: services.case_message_post(actor=request.user, inquiry_id=pk, body=d["body"]),
        _("Your message was sent."),
        who=EITHER,
    )
