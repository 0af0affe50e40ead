"""The thread between the complainant and the office, and the content-free e-mail notices.

Every notice names the reference and a link, never what was written or what the case is about.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.limits import require_length
from ethics_office.base.mail import in_language_of, language_of
from ethics_office.outbox.models import Audience
from ethics_office.outbox.services import outbox_enqueue

from ..models import CaseMessage, RetaliationInquiry, Status
from ..permissions import access_case_or_own
from ..selectors import directors, officers_assigned_to, people_concerned, triage_officers


def _link(inquiry) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("retaliation-detail", kwargs={"pk": inquiry.pk})


def _office_recipients(inquiry, *, with_triage=False) -> list:
    """The assigned officers; for a case nobody is assigned to, the Director (and triage duty)."""
    users = list(officers_assigned_to(inquiry))
    if not users:
        users = list(directors())
        if with_triage:
            users += [u for u in triage_officers() if u not in users]
    concerned = {p.user_id for p in people_concerned(inquiry) if p is not None and p.user_id}
    return [u for u in users if u.email and u.pk not in concerned]


def _send_office(inquiry, users, *, kind: str, cause: str, compose) -> int:
    for user in users:
        with in_language_of(user=user):
            subject, body = compose()
            outbox_enqueue(
                key=f"{kind}:{inquiry.pk}:{cause}:{user.pk}",
                kind=kind,
                to=[user.email],
                subject=subject,
                body=body,
                language=language_of(user=user),
                audience=Audience.RECIPIENTS,
                obj=inquiry,
            )
    return len(users)


def new_request_notify(inquiry: RetaliationInquiry) -> int:
    """Tell the office a new request for protection arrived (the Director and triage duty)."""
    ref, link = inquiry.service_request.ref, _link(inquiry)
    sent = _send_office(
        inquiry,
        _office_recipients(inquiry, with_triage=True),
        kind="retaliation.new_request",
        cause="new",
        compose=lambda: (
            _("New request for protection %(ref)s") % {"ref": ref},
            _(
                "A new request for protection against retaliation, %(ref)s, is waiting to be assigned "
                "and classified.\n\nFor confidentiality nothing of it is in this e-mail. Sign in:\n%(link)s\n"
            )
            % {"ref": ref, "link": link},
        ),
    )
    audit_record(
        actor=None, action=Action.SEND, obj=inquiry, fields=["new_request_notice"], actor_label="system"
    )
    return sent


def _notify_complainant(inquiry, *, cause: str) -> bool:
    requester = inquiry.service_request.requester
    email = (requester.email if requester else "") or (
        requester.user.email if requester is not None and requester.user_id else ""
    )
    if not email:
        return False
    ref, link = inquiry.service_request.ref, _link(inquiry)
    with in_language_of(requester):
        outbox_enqueue(
            key=f"retaliation.message_notice:{inquiry.pk}:{cause}",
            kind="retaliation.message_notice",
            to=[email],
            subject=_("A message from the Ethics Office is waiting for you (%(ref)s)") % {"ref": ref},
            body=_(
                "The Ethics Office has written to you about your request for protection %(ref)s.\n\n"
                "For confidentiality the message is not in this e-mail. Sign in to read it:\n%(link)s\n"
            )
            % {"ref": ref, "link": link},
            language=language_of(person=requester),
            audience=Audience.RECIPIENTS,
            obj=inquiry,
        )
    return True


def _notify_office(inquiry, *, cause: str) -> int:
    ref, link = inquiry.service_request.ref, _link(inquiry)
    return _send_office(
        inquiry,
        _office_recipients(inquiry),
        kind="retaliation.message_notice",
        cause=cause,
        compose=lambda: (
            _("The complainant wrote about %(ref)s") % {"ref": ref},
            _(
                "The complainant has written in the thread of case %(ref)s.\n\n"
                "For confidentiality the message is not in this e-mail. Sign in to read it:\n%(link)s\n"
            )
            % {"ref": ref, "link": link},
        ),
    )


@transaction.atomic
def case_message_post(*, actor, inquiry_id, body: str) -> CaseMessage:
    """A message in the thread, from the complainant or an officer handling the case; the other
    side is told by a content-free e-mail."""
    inquiry, handles = access_case_or_own(actor, inquiry_id)
    body = require_length((body or "").strip(), field="body")
    if not body:
        raise ApplicationError(_("Write a message."), field="body")
    if not handles and inquiry.status in (Status.CLOSED, Status.IMPORTED):
        raise ApplicationError(_("This case is closed."), field="body")
    message = CaseMessage.objects.create(inquiry=inquiry, author=actor, from_office=handles, body=body)
    audit_record(actor=actor, action=Action.CREATE, obj=message, fields=["body"])
    cause = f"message-{message.pk}"
    if handles:
        _notify_complainant(inquiry, cause=cause)
    else:
        _notify_office(inquiry, cause=cause)
    audit_record(actor=None, action=Action.SEND, obj=inquiry, fields=["message_notice"], actor_label="system")
    return message
