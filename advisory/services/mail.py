"""E-mail: the requester's reply notice and the officers' daily digest."""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.mail import in_language_of
from ethics_office.base.roles import Role

from ..models import (
    AdviceRequest,
    Status,
)
from ..workflow import OPEN

# --- E-mail ----------------------------------------------------------------------------


def notify_requester(req: AdviceRequest) -> None:
    from ..tasks import send_reply_notice

    transaction.on_commit(lambda: send_reply_notice.delay(req.pk))


def reply_notice_send(*, request_id) -> bool:
    """Tell the requester a reply waits. The e-mail holds the reference and a link, never content."""
    req = AdviceRequest.objects.select_related("service_request__requester").get(pk=request_id)
    requester = req.service_request.requester
    email = requester.email if requester else ""
    if not email and requester is not None and requester.user_id:
        email = requester.user.email
    if not email:
        return False
    with in_language_of(requester):
        ref = req.service_request.ref
        link = settings.SITE_URL.rstrip("/") + reverse("advisory-request-detail", kwargs={"pk": req.pk})
        send_mail(
            _("A reply is waiting for you (%(ref)s)") % {"ref": ref},
            _(
                "The Ethics Office has replied to your request %(ref)s.\n\n"
                "For confidentiality the reply is not in this e-mail. Sign in to read it:\n%(link)s\n"
            )
            % {"ref": ref, "link": link},
            None,
            [email],
        )
    audit_record(actor=None, action=Action.SEND, obj=req, fields=["reply_notice"], actor_label="system")
    return True


def officer_digests_send(*, today: dt.date | None = None) -> int:
    """E-mail each officer (and the Director) what is due; returns how many e-mails went."""
    from django.contrib.auth import get_user_model

    from ..selectors import clock_of

    today = today or timezone.localdate()
    open_requests = list(
        AdviceRequest.objects.select_related("service_request", "category", "assigned_to").filter(
            status__in=OPEN
        )
    )
    soon = getattr(settings, "ADVICE_DIGEST_DUE_WITHIN_DAYS", 5)
    untriaged = [r for r in open_requests if r.assigned_to_id is None]
    by_officer: dict[int, list] = {}
    for r in open_requests:
        if r.assigned_to_id is None:
            continue
        clock = clock_of(r, today)
        if clock.overdue or clock.days_left <= soon or r.status == Status.ASSIGNED:
            by_officer.setdefault(r.assigned_to_id, []).append((r, clock))
    officers = (
        get_user_model()
        .objects.filter(groups__name__in=[Role.OFFICER, Role.DIRECTOR], is_active=True)
        .exclude(email="")
        .select_related("person")
        .distinct()
    )
    sent = 0
    for officer in officers:
        mine = by_officer.get(officer.pk, [])
        if not mine and not untriaged:
            continue
        with in_language_of(user=officer):
            _digest_send(officer, mine, untriaged, today)
        sent += 1
    return sent


def _digest_send(officer, mine, untriaged, today) -> None:
    from ..selectors import clock_of

    ack_by, advise_by, overdue_flag = _("acknowledge by"), _("advise by"), _("OVERDUE")
    lines = [_("Advice requests due, %(date)s") % {"date": today.isoformat()}, ""]
    if untriaged:
        lines.append(_("Waiting for triage: %(n)s") % {"n": len(untriaged)})
        for r in untriaged:
            c = clock_of(r, today)
            flag = overdue_flag if c.ack_overdue else ""
            lines.append(
                f"  {r.service_request.ref}  {r.service_request.received}  {ack_by} {c.ack_due}"
                + (f"  {flag}" if flag else "")
            )
        lines.append("")
    if mine:
        lines.append(_("Your requests due: %(n)s") % {"n": len(mine)})
        for r, c in sorted(mine, key=lambda rc: rc[1].advise_due):
            flag = overdue_flag if c.overdue else ""
            lines.append(
                f"  {r.service_request.ref}  {Status(r.status).label}  {advise_by} {c.advise_due}"
                + (f"  {flag}" if flag else "")
            )
        lines.append("")
    lines.append(settings.SITE_URL.rstrip("/") + reverse("advisory-queue"))
    send_mail(_("Advice requests due"), "\n".join(lines), None, [officer.email])
    audit_record(actor=None, action=Action.SEND, obj=officer, fields=["advice_digest"], actor_label="system")
