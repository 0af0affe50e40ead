from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ethics_office.base.roles import Role, has_role

from .models import Status
from .selectors import READERS, outbox_content_visible, outbox_messages_visible_to
from .services import outbox_retry_now

SORTABLE = {
    "created_at",
    "kind",
    "status",
    "attempts",
    "sent_at",
}  # the list's sortable columns (?sort=-sent_at)


@login_required
def message_list(request):
    """Every message the system sends, by status, with attempts, the last error and the retry time."""
    if not has_role(request.user, *READERS):
        raise Http404
    messages = outbox_messages_visible_to(request.user)
    status = request.GET.get("status", "")
    if status in Status.values:
        messages = messages.filter(status=status)
    sort = request.GET.get("sort", "")
    if sort.lstrip("-") in SORTABLE:
        messages = messages.order_by(sort, "-pk")
    page = Paginator(messages, 100).get_page(request.GET.get("page"))
    rows = [(m, outbox_content_visible(request.user, m)) for m in page]
    return render(
        request,
        "outbox/message_list.html",
        {
            "page": page,
            "rows": rows,
            "status": status,
            "statuses": Status.choices,
            "can_retry": has_role(request.user, Role.DIRECTOR, Role.ADMIN),
        },
    )


@login_required
@require_POST
def message_retry(request, pk):
    if not has_role(request.user, Role.DIRECTOR, Role.ADMIN):
        raise Http404
    if not outbox_messages_visible_to(request.user).filter(pk=pk).exists():
        raise Http404
    outbox_retry_now(actor=request.user, message_id=pk)
    return redirect("outbox-messages")
