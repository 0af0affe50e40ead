"""Access changes that open case material: asked by one person, decided by another."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error
from ethics_office.base.roles import Role, has_role

from .forms import AccessChangeForm, AccessDecisionForm
from .selectors import access_changes_visible_to
from .services import access_change_decide, access_change_request


def _require_access_officers(user) -> None:
    if not has_role(user, Role.ADMIN, Role.DIRECTOR):
        raise Http404


@login_required
def access_changes(request):
    """Pending requests (with approve and reject) and the latest decided ones; a form to ask."""
    _require_access_officers(request.user)
    form = AccessChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            access_change_request(
                actor=request.user,
                kind=data["kind"],
                user=data["username"],
                role=data["role"],
                person=data["index_number"],
                reason=data["reason"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Asked. The change applies once another person approves it."))
            return redirect("access-changes")
    changes = access_changes_visible_to(request.user)
    return render(
        request,
        "organisation/access_changes.html",
        {
            "form": form,
            "pending": [c for c in changes if c.status == "pending"],
            "decided": [c for c in changes if c.status != "pending"][:50],
            "decision_form": AccessDecisionForm(),
        },
    )


@login_required
@require_POST
def access_change_decision(request, pk, decision):
    _require_access_officers(request.user)
    form = AccessDecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        access_change_decide(actor=request.user, request_id=pk, approve=decision == "approve", note=note)
    except (ApplicationError, PermissionDenied) as exc:
        messages.error(request, str(getattr(exc, "message", exc)))
    else:
        messages.success(request, _("Approved and applied.") if decision == "approve" else _("Rejected."))
    return redirect("access-changes")
