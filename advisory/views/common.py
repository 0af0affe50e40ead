"""What the page modules share: the gate, the way back to the case page, category texts."""

from django.http import Http404
from django.urls import reverse

from .. import selectors


def category_descriptions(categories):
    return {c.code: c.display_description for c in categories}


def back_to_request(pk) -> str:
    return reverse("advisory-request-detail", kwargs={"pk": pk})


def gate_request(request, pk):
    """404 before anything else for a request this user may not know exists."""
    return selectors.advice_requests_visible_to(request.user).filter(pk=pk).exists() or _raise404()


def _raise404():
    raise Http404
