"""Live retaliation cases for the demo, dated this year, made through the real services.

`staff` and `staff2` are the complainants; `officer` is assigned to every case by the Director
but the newest. One review is running, one is paused awaiting the complainant (who sees what is
awaited, with a message thread about it), one is overdue, one was referred for investigation after
a prima facie finding, and one is newly received and not yet assigned (the Director's home page
shows it with its age; `officer`, on triage duty in the demo, sees it too).
"""

import datetime as dt

from django.utils import timezone

from ethics_office.intake.models import Channel
from ethics_office.organisation.demo import demo_user
from ethics_office.organisation.selectors import person_of

from . import services
from .models import InquiryKind, RetaliationInquiry, ReviewOutcome


def _days_ago(n: int) -> dt.date:
    today = timezone.localdate()
    return max(today - dt.timedelta(days=n), dt.date(today.year, 1, 1))


CASES = [
    # complainant, received (days ago), activity, reported to, narrative, action, state
    (
        "staff",
        22,
        "reported_misconduct",
        "OIOS hotline",
        "I reported irregularities in a procurement exercise. Two weeks later my supervisor removed me "
        "from the evaluation team and rated my performance as partially meeting expectations.",
        ("Chief of Procurement Section", "Removed from the evaluation team", 30),
        "under_review",
    ),
    (
        "staff2",
        34,
        "cooperated",
        "OIOS investigators",
        "I was interviewed as a witness in an OIOS investigation. Since then my contract extension has "
        "been delayed and I was excluded from meetings.",
        ("Director of Administration", "Contract extension withheld", 45),
        "paused",
    ),
    (
        "staff",
        52,
        "reported_misconduct",
        "Head of Department",
        "I reported harassment of a colleague by a senior manager. My post was then proposed for abolition.",
        ("Executive Officer", "Post proposed for abolition", 65),
        "overdue",
    ),
    (
        "staff2",
        60,
        "cooperated",
        "Board of Auditors",
        "I provided documents to the auditors. Afterwards I was reassigned to a post without functions.",
        ("Officer-in-Charge", "Lateral reassignment without functions", 75),
        "referred",
    ),
    (
        "staff",
        2,
        "reported_misconduct",
        "Ethics Office",
        "After I reported a conflict of interest, my travel requests were refused.",
        ("First reporting officer", "Travel requests refused", 9),
        "received",
    ),
]


def seed(stdout) -> None:
    year = timezone.localdate().year
    existing = RetaliationInquiry.objects.filter(
        service_request__received__year=year,
        service_request__requester__user__username__in=["staff", "staff2"],
    )
    if existing.exists():
        stdout.write("retaliation: demo cases already there")
        return
    director, officer = demo_user("director"), demo_user("officer")
    for username, received_ago, activity, reported_to, narrative, (who, what, action_ago), state in CASES:
        received = _days_ago(received_ago)
        inquiry = services.inquiry_record(
            actor=director,
            requester=person_of(demo_user(username)),
            channel=Channel.EMAIL,
            received=received,
            protected_activity=activity,
            reported_to=reported_to,
            reported_on=_days_ago(action_ago + 21),
            narrative=narrative,
            actions=[{"occurred_on": _days_ago(action_ago), "taken_by": who, "description": what}],
        )
        if state == "received":
            continue  # waits for the Director (or triage duty) to assign and classify it
        services.inquiry_assign(actor=director, inquiry_id=inquiry.pk, officer=officer)
        services.inquiry_classify(
            actor=officer, inquiry_id=inquiry.pk, kind=InquiryKind.PROTECTION_REQUEST, on=received
        )
        if state == "paused":
            services.review_pause(
                actor=officer,
                inquiry_id=inquiry.pk,
                reason="Copies of the e-mails about the contract extension",
                on=_days_ago(6),
            )
            services.case_message_post(
                actor=officer,
                inquiry_id=inquiry.pk,
                body="Could you send us copies of the e-mails about your contract extension? "
                "The review is paused until we have them.",
            )
            services.case_message_post(
                actor=demo_user(username),
                inquiry_id=inquiry.pk,
                body="I have asked the Executive Office for them and will send them as soon as I have them.",
            )
        elif state == "referred":
            services.case_note_add(
                actor=officer, inquiry_id=inquiry.pk, text="Timeline is consistent with the audit fieldwork."
            )
            services.interim_measure_recommend(
                actor=officer,
                inquiry_id=inquiry.pk,
                measure="suspend_action",
                complainant_consent=True,
                sent_to="Assistant Secretary-General for Human Resources",
                sent_on=_days_ago(30),
            )
            services.review_complete(
                actor=officer,
                inquiry_id=inquiry.pk,
                findings=services.ReviewFindings(
                    protected_activity_found=True,
                    protected_activity_reasoning="Providing documents to the Board of Auditors is cooperation "
                    "with a duly authorised audit.",
                    contributing_factor_found=True,
                    contributing_factor_reasoning="The reassignment followed the audit by three weeks and was "
                    "decided by the manager whose unit was audited.",
                ),
                decision=services.ReviewDecision(outcome=ReviewOutcome.PRIMA_FACIE),
                on=_days_ago(15),
            )
            services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk, on=_days_ago(14))
    stdout.write(f"retaliation: {len(CASES)} live cases, all but the newest assigned to officer")
