"""The filing: the filer's statement, the reviewer's findings, the office's resolutions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.files import private_download
from ethics_office.base.forms import form_action, form_submit
from ethics_office.base.gates import require_office
from ethics_office.base.roles import Role, has_role, is_office
from ethics_office.organisation.models import SENIOR_GRADES

from .. import services
from ..forms import (
    AnswerForm,
    ConflictForm,
    CorrespondenceForm,
    PublicDisclosureForm,
    QueryForm,
    ResolutionForm,
    ReviewForm,
    StatementForm,
    VerificationMarkForm,
    VerificationUploadForm,
)
from ..models import StatementStatus
from ..permissions import access_conflict_item, access_filing
from ..selectors import (
    current_cycle,
    own_filings,
    reviewer_filers,
    statements_visible_to,
)
from .common import back_to_filing

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
            # The outcome last recorded stays chosen, so the form never suggests "No issue" by default.
            "review_form": ReviewForm(initial={"outcome": filer.review_outcome or None}),
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
        return back_to_filing(pk)
    if request.method == "POST":
        form = StatementForm(request.POST)
        submit = "submit" in request.POST

        def call(d):
            statement = services.statement_start(actor=request.user, filer_id=pk)
            if submit:
                return services.statement_submit(
                    actor=request.user,
                    statement_id=statement.pk,
                    contents=form.contents(),
                    certified=d["certify"],
                )
            return services.statement_save(
                actor=request.user, statement_id=statement.pk, contents=form.contents()
            )

        done = form_submit(
            request,
            form,
            call,
            success=_("Your statement has been submitted. Thank you.") if submit else _("Draft saved."),
            then=reverse("disclosure-filing" if submit else "disclosure-statement-edit", kwargs={"pk": pk}),
        )
        if done:
            return done
    else:
        if latest is not None:
            contents = services.statement_read(actor=request.user, statement_id=latest.pk).contents
        else:
            contents = services.previous_statement_read(actor=request.user, filer=filer)
        form = StatementForm(initial=StatementForm.initial_from(contents))
    return render(
        request,
        "disclosure/statement_form.html",
        {"filer": filer, "form": form, "statement": latest, "prefilled": latest is None},
    )


@login_required
@require_POST
def statement_amend(request, pk):
    return form_action(
        request,
        None,
        lambda _d: services.statement_amend(actor=request.user, filer_id=pk),
        success=None,
        back=reverse("disclosure-filing", kwargs={"pk": pk}),
        then=reverse("disclosure-statement-edit", kwargs={"pk": pk}),
    )


def _post_form(request, pk, form_class, call, success):
    access_filing(request.user, pk)  # 404 before anything else for those who may not know the filing
    return form_action(
        request,
        form_class(request.POST, request.FILES),
        call,
        success=success,
        back=reverse("disclosure-filing", kwargs={"pk": pk}),
    )


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
    require_office(request.user)

    item = access_conflict_item(request.user, pk)
    return form_action(
        request,
        ResolutionForm(request.POST, prefix=f"c{pk}"),
        lambda d: services.conflict_resolution_set(actor=request.user, item_id=pk, **d),
        success=_("Resolution saved."),
        back=reverse("disclosure-filing", kwargs={"pk": item.filer_id}),
        invalid=_("Choose a resolution and a follow-up status."),
    )


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
    document = services.verification_document_read(actor=request.user, document_id=pk)
    return private_download(document.file, filename=document.name, content_type=document.content_type)


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
