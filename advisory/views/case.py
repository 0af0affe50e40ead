"""One request: the requester's page or the office's case page, and its actions."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ethics_office.base.files import private_download
from ethics_office.base.forms import form_action
from ethics_office.base.gates import require_office
from ethics_office.base.roles import Role, has_role

from .. import selectors, services
from ..forms import (
    AssignForm,
    MessageForm,
    NoteForm,
    OutcomeForm,
    TransitionForm,
    VendorForm,
)
from ..models import Status
from ..workflow import ALLOWED, REQUESTER_MAY
from .common import back_to_request, gate_request

# --- One request: the requester's page or the office's case page -----------------------


@login_required
def request_detail(request, pk):
    req = services.advice_request_open(actor=request.user, pk=pk)
    thread = list(selectors.thread_of(req))
    attachments = list(selectors.attachments_of(req))
    context = {"req": req, "thread": thread, "attachments": attachments, "clock": selectors.clock_of(req)}
    if not selectors.sees_as_office(request.user, req):
        context.update(
            message_form=MessageForm(),
            can_write=req.status not in (Status.CLOSED, Status.WITHDRAWN),
            can_withdraw=Status.WITHDRAWN in REQUESTER_MAY.get(req.status, set()),
            show_advice=req.status in (Status.ADVISED, Status.CLOSED) and bool(req.advice or req.outcome),
        )
        return render(request, "advisory/request_requester.html", context)
    handler = selectors.can_handle(request.user, req)
    officers = selectors.officers_for_assignment()
    context.update(
        handler=handler,
        may_assign=has_role(request.user, Role.DIRECTOR) or req.assigned_to_id in (None, request.user.pk),
        notes=list(selectors.notes_of(req)),
        others=list(selectors.other_requests_of_requester(req, request.user)[:20]),
        message_form=MessageForm(),
        note_form=NoteForm(),
        assign_form=AssignForm(officers=officers, initial={"officer": req.assigned_to_id or request.user.pk}),
        transitions=[
            (s, Status(s).label)
            for s in Status.values
            if s in ALLOWED.get(req.status, set()) and s != Status.ASSIGNED
        ],
        outcome_form=OutcomeForm(
            initial={
                "outcome": req.outcome or "advised",
                "advice": req.advice,
                "referred_to": req.referred_to,
            }
        ),
        vendor_form=VendorForm(
            initial={
                "vendor_name": req.vendor_name,
                "recommendation": req.vendor_recommendation,
                "note": req.vendor_note,
            }
        ),
        is_procurement=bool(req.category and req.category.code == "procurement") or bool(req.vendor_name),
        may_publish=req.status in (Status.ADVISED, Status.CLOSED) and req.category_id is not None,
    )
    return render(request, "advisory/request_office.html", context)


@login_required
@require_POST
def message_post(request, pk):
    gate_request(request, pk)
    return form_action(
        request,
        MessageForm(request.POST, request.FILES or None),
        lambda d: services.advice_message_post(
            actor=request.user, request_id=pk, body=d["body"], files=d["attachments"]
        ),
        success=_("Your message is sent."),
        back=back_to_request(pk),
    )


@login_required
@require_POST
def note_add(request, pk):
    gate_request(request, pk)
    require_office(request.user)
    return form_action(
        request,
        NoteForm(request.POST),
        lambda d: services.internal_note_add(actor=request.user, request_id=pk, body=d["body"]),
        success=_("The note is saved."),
        back=back_to_request(pk),
    )


@login_required
@require_POST
def assign(request, pk):
    gate_request(request, pk)
    require_office(request.user)
    return form_action(
        request,
        AssignForm(request.POST, officers=selectors.officers_for_assignment()),
        lambda d: services.advice_request_assign(actor=request.user, request_id=pk, officer=d["officer"]),
        success=_("The request is assigned."),
        back=back_to_request(pk),
        invalid=_("Choose an ethics officer."),
    )


@login_required
@require_POST
def transition(request, pk):
    gate_request(request, pk)
    return form_action(
        request,
        TransitionForm(request.POST),
        lambda d: services.advice_request_transition(actor=request.user, request_id=pk, to=d["to"]),
        success=_("The status is changed."),
        back=back_to_request(pk),
    )


@login_required
@require_POST
def outcome(request, pk):
    gate_request(request, pk)
    require_office(request.user)
    return form_action(
        request,
        OutcomeForm(request.POST),
        lambda d: services.advice_request_conclude(
            actor=request.user,
            request_id=pk,
            outcome=d["outcome"],
            advice=d["advice"],
            referred_to=d["referred_to"],
        ),
        success=_("The outcome is recorded."),
        back=back_to_request(pk),
    )


@login_required
@require_POST
def vendor(request, pk):
    gate_request(request, pk)
    require_office(request.user)
    return form_action(
        request,
        VendorForm(request.POST),
        lambda d: services.advice_request_vendor_set(
            actor=request.user,
            request_id=pk,
            vendor_name=d["vendor_name"],
            recommendation=d["recommendation"],
            note=d["note"],
        ),
        success=_("The vendor recommendation is saved."),
        back=back_to_request(pk),
    )


@login_required
def attachment_download(request, pk):
    """Files are only ever served here, after the gate."""
    attachment = services.attachment_open(actor=request.user, pk=pk)
    return private_download(
        attachment.file, filename=attachment.original_name, content_type=attachment.content_type
    )
