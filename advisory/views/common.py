"""What the page modules share: role checks, turning refusals into messages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ethics_office.base.errors import ApplicationError

from .. import selectors


def _category_descriptions(categories):
    zh = (get_language() or "").startswith("zh")
    return {c.code: (c.description_zh if zh and c.description_zh else c.description) for c in categories}


def _refusal(exc) -> str:
    return str(getattr(exc, "message", None) or exc) or _("That is not allowed.")


def _post_action(request, pk, form_class, action, success):
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
        messages.error(request, _refusal(exc))
    else:
        messages.success(request, success)
    return redirect("advisory-request-detail", pk=pk)


def _gate(request, pk):
    """404 before anything else for a request this user may not know exists."""
    return selectors.advice_requests_visible_to(request.user).filter(pk=pk).exists() or _raise404()


def _raise404():
    raise Http404
