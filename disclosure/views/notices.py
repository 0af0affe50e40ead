"""The monthly non-compliance notices: the office's page (send now, every notice) and each focal
point's notices received."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.gates import require_office
from ethics_office.base.roles import Role, has_role, is_office

from .. import services
from ..selectors import NoticeStatus, notice_texts, notices_visible_to


@login_required
def notice_list(request):
    """Month, entity, cycles, recipients, outstanding filers, status and the text sent."""
    if not (is_office(request.user) or has_role(request.user, Role.FOCAL_POINT)):
        raise Http404
    notices = notices_visible_to(request.user)
    month = parse_date((request.GET.get("month") or "") + "-01") if request.GET.get("month") else None
    if month:
        notices = notices.filter(month=month)
    status = request.GET.get("status", "")
    if status in NoticeStatus.values:
        notices = notices.filter(delivery_status=status)
    page = Paginator(notices, 50).get_page(request.GET.get("page"))
    texts = notice_texts(request.user, list(page))
    return render(
        request,
        "disclosure/notice_list.html",
        {
            "page": page,
            "rows": [(n, texts.get(n.pk, [])) for n in page],
            "office": is_office(request.user),
            "statuses": NoticeStatus.choices,
            "status": status,
            "month": request.GET.get("month", ""),
        },
    )


@login_required
@require_POST
def notices_send(request):
    """The office writes this month's notices now (the monthly task then finds them written)."""
    require_office(request.user)
    created = services.monthly_notices_send(actor=request.user)
    flagged = notices_visible_to(request.user).filter(pk__in=created, recipients=[]).count()
    queued = len(created) - flagged
    messages.success(
        request,
        _("%(n)s notices queued for delivery; %(m)s entities have no focal point — not sent.")
        % {"n": queued, "m": flagged},
    )
    return redirect("disclosure-notices")
