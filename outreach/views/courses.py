"""Pages for online course completions and their import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ethics_office.base.errors import ValidationFailed
from ethics_office.base.gates import require_office

from .. import forms, services
from ..selectors import completion_counts_visible_to
from .common import paginate

# --- online course completions ------------------------------------------------------------------


@login_required
def completion_list(request):
    require_office(request.user)
    counts = completion_counts_visible_to(request.user).order_by("-period", "course")
    return render(
        request,
        "outreach/completion_list.html",
        {"page": paginate(request, counts), "form": forms.ImportForm()},
    )


@login_required
def completion_import(request):
    require_office(request.user)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    row_errors = {}
    if request.method == "POST" and form.is_valid():
        try:
            result = services.course_completions_import(
                actor=request.user, data=form.cleaned_data["file"].read()
            )
        except ValidationFailed as exc:
            form.add_error("file", str(exc.message))
            row_errors = getattr(exc, "rows", [])
        else:
            messages.success(
                request,
                _("Imported %(created)s of %(rows)s rows (%(skipped)s already recorded).")
                % {"created": result.created, "rows": result.rows, "skipped": result.skipped},
            )
            return redirect("outreach-completions")
    return render(
        request,
        "outreach/completion_import.html",
        {"form": form, "row_errors": row_errors},
        status=400 if row_errors else 200,
    )
