"""E-mail: the requester's reply notice and the officers' daily digest."""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.mail import in_language_of, language_of
from ethics_office.base.roles import Role
from ethics_office.base.wording import long_date
from ethics_office.outbox.models import Audience
from ethics_office.outbox.services import outbox_enqueue

from ..models import (
    AdviceRequest,
    Status,
)
from ..workflow import OPEN

# --- E-mail ----------------------------------------------------------------------------


def notify_requester(req: AdviceRequest, *, cause: str) -> None:
    """Queue the reply notice in the transaction of the reply (`cause` names it: one notice each)."""
    reply_notice_send(request_id=req.pk, cause=cause)


def notify_officer(req: AdviceRequest, *, cause: str) -> None:
    """Tell the assigned officer the requester wrote (in the transaction of the message)."""
    requester_message_notice_send(request_id=req.pk, cause=cause)


def requester_message_notice_send(*, request_id, cause: str = "") -> bool:
    """E-mail the assigned officer that the requester wrote: the reference and a link, never content.

    An unassigned request has no officer to tell; the queue marks it for whoever triages.
    """
    req = AdviceRequest.objects.select_related("service_request", "assigned_to").get(pk=request_id)
    officer = req.assigned_to
    if officer is None or not officer.email or not officer.is_active:
        return False
    with in_language_of(user=officer):
        ref = req.service_request.ref
        link = settings.SITE_URL.rstrip("/") + reverse("advisory-request-detail", kwargs={"pk": req.pk})
        outbox_enqueue(
            key=f"advisory.requester_message:{req.pk}:{cause or timezone.now().isoformat()}",
            kind="advisory.requester_message",
            to=[officer.email],
            subject=_("New reply from the requester (%(ref)s)") % {"ref": ref},
            body=_(
                "The requester has written in the thread of %(ref)s.\n\n"
                "For confidentiality the message is not in this e-mail. Sign in to read it:\n%(link)s\n"
            )
            % {"ref": ref, "link": link},
            language=language_of(user=officer),
            audience=Audience.RECIPIENTS,
            obj=req,
        )
    audit_record(
        actor=None, action=Action.SEND, obj=req, fields=["requester_message_notice"], actor_label="system"
    )
    return True


def reply_notice_send(*, request_id, cause: str = "") -> bool:
    """Tell the requester a reply waits. The e-mail holds the reference and a link, never content."""
    req = AdviceRequest.objects.select_related("service_request__requester__user").get(pk=request_id)
    requester = req.service_request.requester
    email = requester.email if requester else ""
    if not email and requester is not None and requester.user_id:
        email = requester.user.email
    if not email:
        return False
    with in_language_of(requester):
        ref = req.service_request.ref
        link = settings.SITE_URL.rstrip("/") + reverse("advisory-request-detail", kwargs={"pk": req.pk})
        outbox_enqueue(
            key=f"advisory.reply_notice:{req.pk}:{cause or timezone.now().isoformat()}",
            kind="advisory.reply_notice",
            to=[email],
            subject=_("A reply is waiting for you (%(ref)s)") % {"ref": ref},
            body=_(
                "The Ethics Office has replied to your request %(ref)s.\n\n"
                "For confidentiality the reply is not in this e-mail. Sign in to read it:\n%(link)s\n"
            )
            % {"ref": ref, "link": link},
            language=language_of(person=requester),
            audience=Audience.RECIPIENTS,
            obj=req,
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
            sent += _digest_send(officer, mine, untriaged, today)
    return sent


def _digest_send(officer, mine, untriaged, today) -> int:
    from ..selectors import clock_of

    ack_by, advise_by, overdue_flag = _("acknowledge by"), _("advise by"), _("OVERDUE")
    lines = [_("Advice requests due, %(date)s") % {"date": long_date(today)}, ""]
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
    # One digest per officer per day, however often the beat task runs.
    message = outbox_enqueue(
        key=f"advisory.digest:{officer.pk}:{today.isoformat()}",
        kind="advisory.digest",
        to=[officer.email],
        subject=_("Advice requests due"),
        body="\n".join(lines),
        language=language_of(user=officer),
        audience=Audience.RECIPIENTS,
    )
    if not message.queued_now:
        return 0  # already queued by an earlier run today
    audit_record(actor=None, action=Action.SEND, obj=officer, fields=["advice_digest"], actor_label="system")
    return 1
