"""What the page modules share: the gate, the way back to the case page, category texts."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language

from .. import selectors


def _category_descriptions(categories):
    zh = (get_language() or "").startswith("zh")
    return {c.code: (c.description_zh if zh and c.description_zh else c.description) for c in categories}


def back_to_request(pk) -> str:
    return reverse("advisory-request-detail", kwargs={"pk": pk})


def _gate(request, pk):
    """404 before anything else for a request this user may not know exists."""
    return selectors.advice_requests_visible_to(request.user).filter(pk=pk).exists() or _raise404()


def _raise404():
    raise Http404
