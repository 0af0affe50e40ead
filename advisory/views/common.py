"""What the page modules share: role checks, turning refusals into messages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ethics_office.base.errors import ApplicationError
from ethics_office.base.roles import is_office

from .. import selectors


def office_only(user):
    if not is_office(user):
        raise Http404


def category_descriptions(categories):
    return {c.code: c.display_description for c in categories}


def refusal_message(exc) -> str:
    return str(getattr(exc, "message", None) or exc) or _("That is not allowed.")


def post_action(request, pk, form_class, action, success):
    """Run one action from the case or requester page, then go back to it with a message."""
    form = form_class(request.POST, request.FILES or None)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("advisory-request-detail", pk=pk)
    try:
        action(form.cleaned_data)
    except (ApplicationError, PermissionDenied) as exc:
        messages.error(request, refusal_message(exc))
    else:
        messages.success(request, success)
    return redirect("advisory-request-detail", pk=pk)


def gate_request(request, pk):
    """404 before anything else for a request this user may not know exists."""
    return selectors.advice_requests_visible_to(request.user).filter(pk=pk).exists() or _raise404()


def _raise404():
    raise Http404
