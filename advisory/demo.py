"""Live advice requests dated this year, in every category and every status (safe to run twice)."""

import datetime as dt

from django.utils import timezone

from ethics_office.intake.models import ServiceRequest
from ethics_office.organisation.demo import demo_user

from . import services
from .models import Outcome, Precedent, Status

MARKER = "Teaching an evening course at a university"

# requester, category, days ago, question, officer, [steps]
CASES = [
    (
        "staff",
        "outside_activities",
        1,
        "I have been invited to join the board of a local school. May I accept?",
        None,
        [],
    ),
    (
        "staff2",
        "gifts_honours_awards",
        3,
        "A delegation gave me a silk scarf after a meeting. What should I do with it?",
        "officer",
        [],
    ),
    (
        "staff",
        "employment",
        12,
        "My cousin applied for a post in my division. Must I declare it?",
        "officer",
        [
            ("status", Status.IN_PROGRESS),
            ("note", "Check whether the requester sits on the assessment panel."),
            ("office", "Thank you. Are you a member of the assessment panel for this post?"),
            ("requester", "No, but the hiring manager reports to me."),
        ],
    ),
    (
        "staff2",
        "conflict_of_interest",
        20,
        "My spouse works for a company that bids on our contracts.",
        "officer2",
        [
            ("status", Status.IN_PROGRESS),
            ("office", "Which contracts do you review, and is your spouse's company on the bidders' list?"),
            ("status", Status.AWAITING_REQUESTER),
        ],
    ),
    (
        "staff",
        "personal_investments",
        25,
        "May I keep shares in a pharmaceutical company I inherited?",
        "officer",
        [
            ("status", Status.IN_PROGRESS),
            ("note", "Requester works on vaccine procurement: real conflict."),
            (
                "outcome",
                Outcome.ADVISED,
                "Place the shares in a managed account or divest them; recuse yourself from "
                "any procurement involving the company until then.",
            ),
        ],
    ),
    (
        "staff2",
        "financial_disclosure",
        60,
        "Do I have to report my child's savings account?",
        "officer2",
        [
            ("status", Status.IN_PROGRESS),
            (
                "outcome",
                Outcome.ADVISED,
                "Yes: report assets of dependent children in section 2 of the statement.",
            ),
            ("status", Status.CLOSED),
        ],
    ),
    (
        "staff",
        "procurement",
        40,
        "A former vendor contact asks me to support their reinstatement.",
        "officer2",
        [
            ("status", Status.IN_PROGRESS),
            ("vendor", "Northwind Logistics Ltd", "monitor"),
            ("note", "Vendor was suspended in 2025; remediation report received."),
        ],
    ),
    (
        "staff2",
        "other",
        15,
        "Can I write a blog about my work?",
        "officer",
        [("status", Status.IN_PROGRESS), ("requester_withdraw",)],
    ),
    (
        "staff",
        "outside_activities",
        35,
        "My supervisor is treating me unfairly after I raised a concern.",
        "officer2",
        [
            ("status", Status.IN_PROGRESS),
            ("outcome", Outcome.REFERRED, "", "Office of the Ombudsman and Mediation Services"),
        ],
    ),
    (
        "staff",
        "gifts_honours_awards",
        45,
        "My government wants to award me a medal.",
        "officer",
        [("status", Status.IN_PROGRESS), ("outcome", Outcome.OUTSIDE_MANDATE, "")],
    ),
]


def _received(days_ago: int) -> dt.date:
    today = timezone.localdate()
    return max(today - dt.timedelta(days=days_ago), dt.date(today.year, 1, 1))


def seed(stdout) -> None:
    services.roadmap_defaults_load()
    if Precedent.objects.filter(title=MARKER).exists():
        stdout.write("advisory: demo requests already loaded")
        return
    officer = demo_user("officer")
    created = 0
    for requester_name, category, days_ago, question, officer_name, steps in CASES:
        requester = demo_user(requester_name)
        req = services.advice_request_submit(actor=requester, category=category, question=question)
        ServiceRequest.objects.filter(pk=req.service_request_id).update(received=_received(days_ago))
        if officer_name:
            handler = demo_user(officer_name)
            services.advice_request_assign(actor=handler, request_id=req.pk, officer=handler)
        else:
            handler = officer
        for step in steps:
            kind = step[0]
            if kind == "status":
                services.advice_request_transition(actor=handler, request_id=req.pk, to=step[1])
            elif kind == "note":
                services.internal_note_add(actor=handler, request_id=req.pk, body=step[1])
            elif kind == "office":
                services.advice_message_post(actor=handler, request_id=req.pk, body=step[1])
            elif kind == "requester":
                services.advice_message_post(actor=requester, request_id=req.pk, body=step[1])
            elif kind == "requester_withdraw":
                services.advice_request_transition(actor=requester, request_id=req.pk, to=Status.WITHDRAWN)
            elif kind == "outcome":
                services.advice_request_conclude(
                    actor=handler,
                    request_id=req.pk,
                    outcome=step[1],
                    advice=step[2],
                    referred_to=step[3] if len(step) > 3 else "",
                )
            elif kind == "vendor":
                services.advice_request_vendor_set(
                    actor=handler, request_id=req.pk, vendor_name=step[1], recommendation=step[2]
                )
        created += 1

    # A helpline call recorded by an officer, and a department's policy-support request.
    services.advice_request_record(
        actor=officer,
        requester=demo_user("staff2").person,
        intake_category="advice",
        category="gifts_honours_awards",
        question="Caller asks whether a hotel upgrade offered by a conference organiser is a gift.",
        channel="helpline",
        received=_received(5),
    )
    policy = services.advice_request_record(
        actor=officer,
        requester=None,
        intake_category="standard_setting",
        category=None,
        question="The Department of Management asks for comments on its draft policy on outside activities.",
        channel="email",
        received=_received(9),
    )
    services.advice_request_assign(actor=officer, request_id=policy.pk, officer=officer)
    services.advice_request_transition(actor=officer, request_id=policy.pk, to=Status.IN_PROGRESS)
    created += 2

    services.precedent_publish(
        actor=officer,
        category="outside_activities",
        title=MARKER,
        summary="A P-3 staff member asked to teach one evening course a term at a local university, unpaid. "
        "Advised: compatible with their duties if approved in advance under staff rule 1.2 (o), taught outside "
        "working hours and without using UN material.",
    )
    services.precedent_publish(
        actor=officer,
        category="personal_investments",
        title="Inherited shares in a company the requester deals with",
        summary="Advised to place the holding in a managed account or divest, and to recuse from procurement "
        "involving the company in the meantime.",
    )
    # An anonymous question the officer has answered: its receipt code is printed once, here (the
    # office keeps only a slow hash of it), so a demo user can open the thread on the anonymous-question page.
    anonymous, receipt = services.anonymous_question_ask(
        category="gifts_honours_awards",
        question="A supplier offered me tickets to a football match. I would rather not give my name. "
        "May I accept them?",
    )
    services.advice_request_assign(actor=officer, request_id=anonymous.pk, officer=officer)
    services.advice_message_post(
        actor=officer,
        request_id=anonymous.pk,
        body="Thank you for asking. Tickets from a supplier are a gift from an outside source: decline them "
        "politely. If you have already received them, tell us and we will explain how to return them.",
    )
    created += 1
    stdout.write(f"advisory: {created} live advice requests and 2 precedents")
    stdout.write(
        f"advisory: anonymous question {anonymous.service_request.ref} answered by officer; "
        f"its receipt code (shown only now): {receipt}"
    )
