"""The lists, intake, the case page (the office's case file or the complainant's view) and downloads."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.dataversion import asked, remembered
from ethics_office.base.files import private_download
from ethics_office.base.forms import form_submit
from ethics_office.base.gates import require_office
from ethics_office.base.roles import Role, has_role, is_office

from .. import forms, services
from ..clock import review_days
from ..models import InquiryKind, ReviewOutcome, Status
from ..permissions import access_case_or_own
from ..selectors import (
    case_letters,
    case_messages,
    complainant_letters,
    inquiries_handled_by,
    inquiries_of_complainant,
    officers_assigned_to,
    open_reviews_handled_by,
    sorted_cases,
)
from ..services.review import may_sign_off


def _explained(status):
    """What a status means for the complainant, and what happens next."""
    table = {
        Status.RECEIVED: (
            _(
                "The Ethics Office has received your request and will assign it and decide whether it falls "
                "under the policy on protection against retaliation."
            ),
            _(
                "If it does, a preliminary review opens and its clock starts; if not, you receive a letter "
                "saying where the matter is best taken."
            ),
        ),
        Status.UNDER_REVIEW: (
            _(
                "The Ethics Office is conducting the preliminary review: did you engage in a protected "
                "activity, and was it a contributing factor in what happened to you?"
            ),
            _(
                "You will receive a letter with the outcome and its reasons. If a prima facie case is "
                "found, the matter is referred for investigation."
            ),
        ),
        Status.PAUSED: (
            _(
                "The preliminary review is paused: the Ethics Office needs information from you before it "
                "can continue. Paused days do not count against the time limit."
            ),
            _("Send what is asked (below). The office then resumes the review."),
        ),
        Status.SIGN_OFF: (
            _("The preliminary review has been recorded and is awaiting the Director's sign-off."),
            _(
                "Once signed off, you receive the outcome letter and the matter is referred for investigation."
            ),
        ),
        Status.REFERRED: (
            _("A prima facie case was found and the matter is with the investigators."),
            _("When their report arrives, the Director makes a final determination and writes to you."),
        ),
        Status.DETERMINATION: (
            _("The investigation report has been received."),
            _("The Director will make the final determination and write to you with the findings."),
        ),
        Status.ESTABLISHED: (
            _("The Director determined that retaliation was established."),
            _("The Ethics Office will recommend corrective measures, in consultation with you."),
        ),
        Status.CORRECTIVE: (
            _("Retaliation was established and corrective measures have been recommended."),
            _("The Ethics Office follows their implementation; the case closes when all are implemented."),
        ),
        Status.CLOSED: (
            _("The case is closed."),
            _(
                "Your letters below give the outcome and its reasons. You may ask the Chair of the Ethics "
                "Panel for a review where the letter says so."
            ),
        ),
        Status.IMPORTED: (_("This is a historical record."), _("Nothing further will happen on it.")),
    }
    meaning, next_step = table.get(status, ("", ""))
    return {"meaning": meaning, "next": next_step}


def _clock_row(case, today):
    left = case.days_left(today)
    return case, left, case.review_deadline(today), -left if left < 0 else 0


@login_required
def inquiry_list(request):
    """The office's dashboard (open reviews with days left, all cases) and the user's own requests."""

    def content():
        handles = is_office(request.user)
        context = {"handles": handles, "today": timezone.localdate()}
        if handles:
            status = request.GET.get("status", "")
            cases = sorted_cases(inquiries_handled_by(request.user), request.GET.get("sort"))
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
        return render_to_string("retaliation/_list_content.html", context, request)

    # Kept under the data version for this person and this query (base.dataversion).
    kept = remembered("retaliation:list", asked(request), content)
    return render(request, "retaliation/list.html", {"content": kept})


def _intake_context(request, form, actions):
    return {"form": form, "actions": actions}


@login_required
def inquiry_request(request):
    """A staff member asks for protection."""
    form = forms.RequestForm(request.POST or None, request.FILES or None)
    actions = forms.ActionFormSet(request.POST or None, prefix="actions")
    if request.method == "POST" and actions.is_valid():
        done = form_submit(
            request,
            form,
            lambda d: services.inquiry_request(
                actor=request.user,
                protected_activity=d["protected_activity"],
                reported_to=d["reported_to"],
                reported_on=d["reported_on"],
                narrative=d["narrative"],
                actions=[a for a in actions.cleaned_data if a],
                files=d["evidence"],
            ),
            success=lambda inquiry: (
                _("Your request for protection was received. Your reference is %(ref)s.")
                % {"ref": inquiry.service_request.ref}
            ),
            then=lambda inquiry: reverse("retaliation-detail", kwargs={"pk": inquiry.pk}),
        )
        if done:
            return done
    return render(request, "retaliation/request.html", _intake_context(request, form, actions))


@login_required
def inquiry_record(request):
    """An officer records an inquiry received by other means."""
    require_office(request.user)
    form = forms.RecordForm(request.POST or None, request.FILES or None)
    actions = forms.ActionFormSet(request.POST or None, prefix="actions")
    if request.method == "POST" and actions.is_valid():
        done = form_submit(
            request,
            form,
            lambda d: services.inquiry_record(
                actor=request.user,
                requester=d["requester_index"],
                channel=d["channel"],
                received=d["received"],
                protected_activity=d["protected_activity"],
                reported_to=d["reported_to"],
                reported_on=d["reported_on"],
                narrative=d["narrative"],
                actions=[a for a in actions.cleaned_data if a],
                files=d["evidence"],
            ),
            success=lambda inquiry: (
                _("The inquiry was recorded as %(ref)s.") % {"ref": inquiry.service_request.ref}
            ),
            then=lambda inquiry: reverse("retaliation-detail", kwargs={"pk": inquiry.pk}),
        )
        if done:
            return done
    return render(
        request, "retaliation/record.html", _intake_context(request, form, actions) | {"record": True}
    )


# The case file's forms, by the prefix each posts with (one action URL each).
CASE_FORMS = {
    "assign": forms.AssignForm,
    "unassign": forms.UnassignForm,
    "classify": forms.ClassifyForm,
    "note": forms.NoteForm,
    "action": forms.ActionForm,
    "evidence": forms.EvidenceForm,
    "pause": forms.PauseForm,
    "resume": forms.ResumeForm,
    "review": forms.ReviewForm,
    "interim": forms.InterimForm,
    "interim_done": forms.InterimImplementedForm,
    "report": forms.ReportForm,
    "determine": forms.DeterminationForm,
    "corrective": forms.CorrectiveForm,
    "corrective_done": forms.CorrectiveDoneForm,
    "letter": forms.LetterForm,
    "sign_off": forms.SignOffForm,
    "message": forms.MessageForm,
}


def _handler_context(request, inquiry, bound=None):
    """Everything the case file shows; `bound` replaces one blank form with the submitted one."""
    blank = {key: cls(prefix=key) for key, cls in CASE_FORMS.items()}
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
        "can_sign_off": inquiry.status == Status.SIGN_OFF and may_sign_off(request.user, inquiry),
        "messages_thread": list(case_messages(inquiry)),
        "can_write": True,
        "forms": blank,
        "Status": Status,
        "InquiryKind": InquiryKind,
    }


def _complainant_context(request, inquiry, bound=None):
    today = timezone.localdate()
    return {
        "inquiry": inquiry,
        "sr": inquiry.service_request,
        "letters": list(complainant_letters(inquiry)),
        "evidence": list(inquiry.evidence.filter(uploaded_by=request.user)),
        "actions": list(inquiry.actions.all()),
        "explained": _explained(inquiry.status),
        "open_pause": inquiry.pauses.filter(ended__isnull=True).first()
        if inquiry.status == Status.PAUSED
        else None,
        "deadline": inquiry.review_deadline(today),
        "review_days": review_days(),
        "messages_thread": list(case_messages(inquiry)),
        "can_write": inquiry.status not in (Status.CLOSED, Status.IMPORTED),
        "panel_request": getattr(inquiry, "panel_review_request", None),
        "can_ask_panel": inquiry.retaliation_established is not None
        or inquiry.review_outcome == ReviewOutcome.NO_PRIMA_FACIE,
        "forms": {
            "evidence": forms.EvidenceForm(prefix="evidence"),
            "panel": forms.PanelReviewForm(prefix="panel"),
            "message": forms.MessageForm(prefix="message"),
            **(bound or {}),
        },
        "Status": Status,
    }


def render_case(request, inquiry, handles, bound=None, status=200):
    if handles:
        return render(
            request, "retaliation/detail.html", _handler_context(request, inquiry, bound), status=status
        )
    return render(
        request, "retaliation/mine.html", _complainant_context(request, inquiry, bound), status=status
    )


@login_required
def inquiry_detail(request, pk):
    inquiry, handles = access_case_or_own(request.user, pk)
    services.inquiry_view_record(actor=request.user, inquiry=inquiry, what="case" if handles else "status")
    return render_case(request, inquiry, handles)


@login_required
def evidence_download(request, pk, evidence_pk):
    item = services.evidence_read(actor=request.user, inquiry_id=pk, evidence_id=evidence_pk)
    return private_download(item.file, filename=item.original_name)


@login_required
def letter_download(request, pk, letter_pk):
    letter = services.letter_read(actor=request.user, inquiry_id=pk, letter_id=letter_pk)
    return private_download(letter.file, filename=letter.filename)
