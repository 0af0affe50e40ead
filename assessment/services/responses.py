"""Answering through the one-time link, anonymously by construction.

The response row gets the assessment, the stratum (a cell of the design, not a person) and
the date. The invitation is marked used and its token wiped in the same transaction; no
audit event is written for either (an event's timestamp and object ids would be the join we
refuse to store). The invitation keeps no time of use, and its row is re-stamped right after
(see invitations_restamp) so not even PostgreSQL's transaction ids pair it with the response.
"""

from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.errors import ValidationFailed

from ..models import Answer, Invitation, ItemKind, Response, Status
from ..selectors import invitation_by_token_hash
from .waves import token_hash


def invitation_for_token(token: str) -> Invitation:
    invitation = invitation_by_token_hash(token_hash(token or "")).first()
    if invitation is None:
        raise Http404
    return invitation


def clean_answers(items, data) -> list[Answer]:
    """data: {item code: value}; scale items 1–5 and choice items are required, text is optional."""
    errors: dict[str, list[str]] = {}
    answers = []
    for item in items:
        raw = data.get(item.code)
        if item.kind == ItemKind.TEXT:
            text = (raw or "").strip()[:4000]
            if text:
                answers.append(Answer(item=item, text=text))
            continue
        if item.kind == ItemKind.MULTIPLE:
            codes = [raw] if isinstance(raw, str) else list(raw or [])
            valid = {c for c, _label in item.option_labels()}
            bad = [c for c in codes if c not in valid]
            if bad or not codes:
                errors[item.code] = [
                    _("%(value)s is not a valid choice; choose from %(valid)s.")
                    % {"value": ", ".join(bad) or "—", "valid": ", ".join(sorted(valid))}
                ]
                continue
            answers.append(Answer(item=item, choices=sorted(set(codes))))
            continue
        if item.kind == ItemKind.SINGLE:
            valid = {c for c, _label in item.option_labels()}
            if raw not in valid:
                errors[item.code] = [
                    _("%(value)s is not a valid choice; choose from %(valid)s.")
                    % {"value": raw or "—", "valid": ", ".join(sorted(valid))}
                ]
                continue
            answers.append(Answer(item=item, choices=[raw]))
            continue
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = None
        if value is None or not 1 <= value <= 5:
            errors[item.code] = [
                _("%(value)s is not a valid answer to %(item)s: choose 1 to 5.")
                % {"value": raw or "—", "item": item.code}
            ]
            continue
        answers.append(Answer(item=item, value=value))
    if errors:
        raise ValidationFailed(_("Some questions need an answer."), errors=errors)
    return answers


@transaction.atomic
def response_submit(*, token: str, data: dict, on=None) -> None:
    """Store the answers with no reference to the invitation, and use the invitation up.

    Returns nothing: not even the caller learns the response's id.
    """
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("assessment", "stratum")
        .filter(token_hash=token_hash(token or ""), used=False, assessment__status=Status.FIELDED)
        .first()
    )
    if invitation is None:
        raise Http404
    from ..models import Item

    items = list(Item.objects.filter(section__instrument_id=invitation.assessment.instrument_id))
    answers = clean_answers(items, data)
    response = Response.objects.create(
        assessment_id=invitation.assessment_id,
        stratum_id=invitation.stratum_id,
        submitted_on=on or timezone.localdate(),
    )
    for answer in answers:
        answer.response = response
    Answer.objects.bulk_create(answers)
    invitation.used = True
    invitation.token_hash = ""
    invitation.save(update_fields=["used", "token_hash"])
    stratum_id = invitation.stratum_id
    transaction.on_commit(lambda: invitations_restamp(stratum_id=stratum_id))


def invitations_restamp(*, stratum_id: int) -> int:
    """Rewrite every invitation row of the stratum in a transaction of its own.

    The response and the used invitation were written in one transaction (so an answer is never
    lost nor given twice), and PostgreSQL stamps both rows with that transaction's id (xmin): a
    join any database reader could make. Rewriting the stratum's invitations gives them all a new,
    common stamp that no response carries. Also run when fieldwork closes.
    """
    with transaction.atomic():
        return Invitation.objects.filter(stratum_id=stratum_id).update(used=F("used"))
