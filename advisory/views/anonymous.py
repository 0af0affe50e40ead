"""The public pages for anonymous questions: ask, then come back with the receipt code.

No account, no session data: the code travels in the POST body only (never in a URL, which
would reach logs and browser history), pages are not cached, and each use of a code is
throttled per hashed address (advisory.throttles).
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error

from .. import selectors, services
from ..forms import AnonymousAskForm, AnonymousMessageForm, ReceiptForm
from ..throttles import AnonymousAskThrottle, ReceiptThrottle, allowed
from .common import category_descriptions


def _throttled(request):
    return render(
        request,
        "advisory/anonymous_throttled.html",
        {"message": _("Too many attempts from your network. Wait a while and try again.")},
        status=429,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def anonymous_ask(request):
    """Anyone asks a question in a category; the answer is the receipt code, shown once."""
    categories = list(selectors.advice_categories())
    form = AnonymousAskForm(request.POST or None, request.FILES or None, categories=categories)
    if request.method == "POST":
        if not allowed(request, AnonymousAskThrottle):
            return _throttled(request)
        if form.is_valid():
            d = form.cleaned_data
            try:
                req, receipt = services.anonymous_question_ask(
                    category=d["category"], question=d["question"], files=d["attachments"]
                )
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                return render(
                    request,
                    "advisory/anonymous_receipt.html",
                    {"ref": req.service_request.ref, "receipt": receipt},
                )
    descriptions = category_descriptions(categories)
    options = [(radio, descriptions.get(radio.data["value"], "")) for radio in form["category"]]
    return render(request, "advisory/anonymous_ask.html", {"form": form, "options": options})


def _thread_page(request, req, receipt, message_form=None, status=200, sent=False):
    return render(
        request,
        "advisory/anonymous_thread.html",
        {
            "req": req,
            "thread": selectors.thread_of(req),
            "message_form": message_form or AnonymousMessageForm(initial={"receipt": receipt}),
            "can_write": req.status not in ("closed", "withdrawn"),
            "show_advice": req.status in ("advised", "closed") and req.advice,
            "sent": sent,
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def anonymous_thread(request):
    """Enter the receipt code to read the replies; a wrong code is a plain 404 (after the throttle)."""
    form = ReceiptForm(request.POST or None)
    if request.method == "POST":
        if not allowed(request, ReceiptThrottle):
            return _throttled(request)
        if form.is_valid():
            receipt = form.cleaned_data["receipt"]
            req = services.anonymous_thread_open(receipt=receipt)  # Http404 for a wrong code
            return _thread_page(request, req, receipt)
    return render(request, "advisory/anonymous_find.html", {"form": form})


@never_cache
@require_http_methods(["POST"])
def anonymous_message(request):
    """Write more in the thread the code opens."""
    if not allowed(request, ReceiptThrottle):
        return _throttled(request)
    form = AnonymousMessageForm(request.POST, request.FILES)
    if not form.is_valid():
        receipt = request.POST.get("receipt", "")
        if not receipt:
            raise Http404
        req = services.anonymous_thread_open(receipt=receipt)
        return _thread_page(request, req, receipt, message_form=form, status=400)
    d = form.cleaned_data
    try:
        services.anonymous_message_post(receipt=d["receipt"], body=d["body"], files=d["attachments"])
    except ApplicationError as exc:
        add_application_error(form, exc)
        req = services.anonymous_thread_open(receipt=d["receipt"])
        return _thread_page(request, req, d["receipt"], message_form=form, status=400)
    req = services.anonymous_thread_open(receipt=d["receipt"])
    return _thread_page(request, req, d["receipt"], sent=True)
