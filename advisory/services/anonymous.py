"""Anonymous questions: asked without an account, followed with a receipt code.

The receipt code is 20 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), in
five groups of four, e.g. ``7KQ4-M2XD-9PRT-W3HN-5BVC``. The first group is a public look-up id
(unique, stored in clear in ``receipt_lookup``) so that finding the request is one indexed
query, O(1); the whole code is checked against ``receipt_hash``, a slow hash made with Django's
password hashers (``make_password``/``check_password``: Argon2 or PBKDF2 as configured). The
sixteen characters after the look-up id are the secret (about 78 bits). The code is shown once
and never stored or logged.

Nothing here keeps a client address, a user agent or an account: the services run under
``without_client_address()`` so their audit events record no address, and the actor is
labelled "anonymous". The throttle that guards the look-up (advisory.throttles) counts per
keyed hash of the address, in the cache only.
"""

import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from ethics_office.audit.middleware import without_client_address
from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError, ValidationFailed
from ethics_office.base.limits import require_length
from ethics_office.intake.models import Channel

from ..models import AdviceMessage, AdviceRequest, Status
from .cases import _attachment_save, _checked_files, _create, _mark_requester_wrote, category_by_code
from .mail import notify_officer
from .scrub import metadata_stripped

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUP = 4
GROUPS = 5
ANONYMOUS = "anonymous"  # the audit trail's actor label for these requests


def receipt_generate() -> str:
    """A fresh code, grouped for reading: ``XXXX-XXXX-XXXX-XXXX-XXXX``."""
    chars = "".join(secrets.choice(ALPHABET) for _i in range(GROUP * GROUPS))
    return "-".join(chars[i : i + GROUP] for i in range(0, len(chars), GROUP))


def receipt_normalise(code: str | None) -> str | None:
    """The code as stored (upper case, grouped), or None when it cannot be one of ours.

    Spaces and dashes are ignored and lower case is accepted, so a code read over the phone or
    typed without dashes still works.
    """
    raw = "".join(ch for ch in (code or "").upper() if ch not in " -\t\n")
    if len(raw) != GROUP * GROUPS or any(ch not in ALPHABET for ch in raw):
        return None
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def _new_receipt() -> tuple[str, str]:
    """A code whose look-up id is not yet taken."""
    for _attempt in range(50):
        code = receipt_generate()
        lookup = code[:GROUP]
        if not AdviceRequest.objects.filter(receipt_lookup=lookup).exists():
            return lookup, code
    raise ApplicationError(_("The office cannot take anonymous questions just now; try again later."))


def anonymous_question_ask(*, category: str, question: str, files=()) -> tuple[AdviceRequest, str]:
    """Enter an anonymous question (channel anonymous_web); returns the request and its receipt code.

    Attachments lose their metadata before they are stored. The code is returned once, here.
    """
    question = require_length((question or "").strip(), field="question")
    if not question:
        raise ValidationFailed(_("Write your question."), errors={"question": [_("Write your question.")]})
    cat = category_by_code(category)
    if cat is None:
        raise ValidationFailed(_("Choose a category."), errors={"category": [_("Choose a category.")]})
    checked = [(metadata_stripped(upload, kind), kind) for upload, kind in _checked_files(files)]
    with without_client_address(), transaction.atomic():
        req = _create(
            actor=None,
            actor_label=ANONYMOUS,
            requester=None,
            intake_category="advice",
            category=cat,
            question=question,
            channel=Channel.ANONYMOUS_WEB,
            received=None,
            checked_files=checked,
        )
        lookup, code = _new_receipt()
        req.receipt_lookup = lookup
        req.receipt_hash = make_password(code)
        req.save(update_fields=["receipt_lookup", "receipt_hash", "updated_at"])
    return req, code


def _by_receipt(code: str | None, *, for_write: bool = False) -> AdviceRequest:
    """The request this code opens, or Http404 (the same for a malformed, unknown or wrong code)."""
    code = receipt_normalise(code)
    if code is None:
        raise Http404
    qs = AdviceRequest.objects.select_related("service_request", "category", "assigned_to").filter(
        receipt_lookup=code[:GROUP], service_request__channel=Channel.ANONYMOUS_WEB
    )
    if for_write:
        qs = qs.select_for_update(of=("self",))
    req = qs.first()
    if req is None or not req.receipt_hash or not check_password(code, req.receipt_hash):
        raise Http404
    return req


def anonymous_thread_open(*, receipt: str) -> AdviceRequest:
    """The request the code opens; the view is audited (without any address)."""
    with without_client_address():
        req = _by_receipt(receipt)
        audit_record(actor=None, actor_label=ANONYMOUS, action=Action.VIEW, obj=req)
    return req


def anonymous_message_post(*, receipt: str, body: str, files=()) -> AdviceMessage:
    """The anonymous requester writes more; the assigned officer is told (without content)."""
    body = require_length((body or "").strip(), field="body")
    if not body:
        raise ApplicationError(_("Write a message."), field="body")
    checked = [(metadata_stripped(upload, kind), kind) for upload, kind in _checked_files(files)]
    with without_client_address(), transaction.atomic():
        req = _by_receipt(receipt, for_write=True)
        if req.status in (Status.CLOSED, Status.WITHDRAWN):
            raise ApplicationError(_("This request is closed; ask a new question instead."), field="body")
        message = AdviceMessage.objects.create(request=req, author=None, from_office=False, body=body)
        audit_record(actor=None, actor_label=ANONYMOUS, action=Action.CREATE, obj=message, fields=["body"])
        for upload, kind in checked:
            _attachment_save(
                actor=None, actor_label=ANONYMOUS, req=req, upload=upload, kind=kind, message=message
            )
        _mark_requester_wrote(actor=None, req=req)
        notify_officer(req, cause=f"message-{message.pk}")
    return message
