""" "My matters": one page with everything a staff member has brought to the office.

Each row says what the matter is, its status and what is waiting for the person, if anything.
The reads are each app's own selectors (the site shell may import every app); the page makes a
fixed number of queries however many matters there are.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from advisory.models import Status as AdviceStatus
from advisory.selectors import advice_requests_of_requester
from disclosure.models import StatementStatus
from disclosure.selectors import own_filings
from ethics_office.base.wording import long_date
from outreach.selectors import training_requests_of
from retaliation.models import Status as RetaliationStatus
from retaliation.selectors import inquiries_of_complainant


@dataclass(frozen=True)
class Matter:
    kind: str
    ref: str
    received: object
    status: str
    waiting: str  # what the office waits for from this person ("" = nothing)
    url: str


def _advice(user) -> list[Matter]:
    waiting = {
        AdviceStatus.AWAITING_REQUESTER: _("The office is waiting for your answer in the thread."),
        AdviceStatus.ADVISED: _("The office's advice is ready for you to read."),
    }
    return [
        Matter(
            kind=_("Advice request"),
            ref=req.service_request.ref,
            received=req.service_request.received,
            status=req.get_status_display(),
            waiting=waiting.get(req.status, ""),
            url=reverse("advisory-request-detail", kwargs={"pk": req.pk}),
        )
        for req in advice_requests_of_requester(user)
    ]


def _protection(user) -> list[Matter]:
    return [
        Matter(
            kind=_("Protection request"),
            ref=inquiry.service_request.ref,
            received=inquiry.service_request.received,
            status=inquiry.get_status_display(),
            waiting=(
                _("The office is waiting for information from you; the review is paused until it comes.")
                if inquiry.status == RetaliationStatus.PAUSED
                else ""
            ),
            url=reverse("retaliation-detail", kwargs={"pk": inquiry.pk}),
        )
        for inquiry in inquiries_of_complainant(user).order_by("-service_request__received", "-id")
    ]


def _statements(user) -> list[Matter]:
    today = timezone.localdate()
    rows = []
    for filer in own_filings(user).prefetch_related("statements"):
        statements = sorted(filer.statements.all(), key=lambda s: s.version, reverse=True)
        latest = statements[0] if statements else None
        submitted = filer.filed_on is not None or any(
            s.status == StatementStatus.SUBMITTED for s in statements
        )
        if latest is not None and latest.status == StatementStatus.DRAFT:
            status, waiting = latest.get_status_display(), _("Finish and submit your statement by %(date)s.")
        elif submitted:
            status, waiting = StatementStatus.SUBMITTED.label, ""
        else:
            status, waiting = _("Not started"), _("Your statement is due by %(date)s.")
        deadline = filer.effective_deadline
        if waiting and deadline is not None:
            waiting = waiting % {"date": long_date(deadline)}
            if deadline < today:
                waiting = _("Overdue: your statement was due on %(date)s.") % {"date": long_date(deadline)}
        elif waiting:
            waiting = waiting % {"date": "—"}
        rows.append(
            Matter(
                kind=_("Financial disclosure statement"),
                ref=str(filer.cycle.year),
                received=filer.registered_on,
                status=status,
                waiting=waiting,
                url=reverse("disclosure-filing", kwargs={"pk": filer.pk}),
            )
        )
    return rows


def _training(user) -> list[Matter]:
    return [
        Matter(
            kind=_("Training request"),
            ref=tr.service_request.ref,
            received=tr.service_request.received,
            status=tr.get_status_display(),
            waiting="",
            url=reverse("outreach-request-detail", kwargs={"pk": tr.pk}),
        )
        for tr in training_requests_of(user)
    ]


def matters_of(user) -> list[tuple[str, list[Matter]]]:
    """The person's matters, grouped by kind (a group only when it has rows)."""
    groups = [
        (_("Advice requests"), _advice(user)),
        (_("Protection against retaliation"), _protection(user)),
        (_("Financial disclosure statements"), _statements(user)),
        (_("Training requests"), _training(user)),
    ]
    return [(title, rows) for title, rows in groups if rows]


@login_required
def my_matters(request):
    """Everything this person brought to the office, with its status and what waits for them."""
    groups = matters_of(request.user)
    waiting = sum(1 for _title, rows in groups for m in rows if m.waiting)
    return render(request, "my_matters.html", {"groups": groups, "waiting": waiting})
