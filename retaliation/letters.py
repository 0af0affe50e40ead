"""Letters and memos, rendered as PDF (WeasyPrint, from an HTML template) or Word (python-docx).

Both formats are built from the same paragraphs, so the PDF and the Word version say
the same thing. A letter carries its outcome, its reasons (the two tests of the review with
their reasoning; the findings of the determination), its legal basis (LEGAL_BASIS) and a
named signatory (the Director, or the alternate); never the office's internal notes. The
caller renders the complainant's letters in the complainant's language.
"""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ethics_office.base.roles import Role, has_role
from ethics_office.organisation.duties import acts_as_director, concerns_a_director, director_alternate

from .models import InvestigationBody, LetterFormat, LetterKind, RetaliationInquiry, ReviewOutcome
from .selectors import directors, people_concerned

# The provision of ST/SGB/2005/21 each letter rests on (one table, to check against the bulletin).
LEGAL_BASIS = {
    LetterKind.REFERRAL: gettext_lazy(
        "Legal basis: ST/SGB/2005/21 (protection against retaliation), section 5.2 (functions of the "
        "Ethics Office) and section 5.9 (matters referred to other offices)."
    ),
    LetterKind.REVIEW_OUTCOME: gettext_lazy(
        "Legal basis: ST/SGB/2005/21 (protection against retaliation), section 5.2 (c) (preliminary "
        "review: protected activity and contributing factor) and section 5.3 (45 days)."
    ),
    LetterKind.REFERRAL_MEMO: gettext_lazy(
        "Legal basis: ST/SGB/2005/21 (protection against retaliation), section 5.5 (referral for "
        "investigation) and section 5.7 (alternative investigation mechanism)."
    ),
    LetterKind.INTERIM_MEMO: gettext_lazy(
        "Legal basis: ST/SGB/2005/21 (protection against retaliation), section 5.6 (interim measures "
        "to safeguard the interests of the complainant)."
    ),
    LetterKind.DETERMINATION: gettext_lazy(
        "Legal basis: ST/SGB/2005/21 (protection against retaliation), section 5.8 (outcome of the "
        "investigation) and section 6.1 (corrective measures)."
    ),
}


def _name_of(user) -> str:
    person = getattr(user, "person", None)
    return (getattr(person, "name", "") or user.get_full_name() or user.get_username()).strip()


def signatory(inquiry: RetaliationInquiry, kind: str, actor=None) -> tuple[str, str]:
    """(name, title) of who signs: whoever signed the decision the letter carries; otherwise the
    acting Director (the alternate on a matter concerning a Director)."""
    user = None
    if kind == LetterKind.DETERMINATION:
        user = inquiry.determined_by
    elif kind in (LetterKind.REVIEW_OUTCOME, LetterKind.REFERRAL_MEMO):
        user = inquiry.prima_facie_signed_by
    people = people_concerned(inquiry)
    if user is None and actor is not None and acts_as_director(actor, people=people):
        user = actor
    if user is None:
        user = director_alternate() if concerns_a_director(people) else directors().first()
    if user is None:
        return "", _("Director, Ethics Office")
    if has_role(user, Role.DIRECTOR):
        return _name_of(user), _("Director, Ethics Office")
    return _name_of(user), _("For the Director, Ethics Office (alternate)")


def _yes_no(found) -> str:
    return _("met") if found else _("not met")


def _investigator(inquiry: RetaliationInquiry) -> str:
    if inquiry.investigation_body == InvestigationBody.ALTERNATIVE and inquiry.investigation_body_name:
        return inquiry.investigation_body_name
    return InvestigationBody(inquiry.investigation_body or InvestigationBody.OIOS).label


def _review_reasons(inquiry: RetaliationInquiry) -> list[str]:
    """The two tests of the preliminary review, each with its conclusion and reasoning."""
    if inquiry.review_outcome not in (ReviewOutcome.PRIMA_FACIE, ReviewOutcome.NO_PRIMA_FACIE):
        return []
    return [
        _(
            "Reasons. First test: did you engage in a protected activity? The test is %(result)s. %(reasoning)s"
        )
        % {
            "result": _yes_no(inquiry.protected_activity_found),
            "reasoning": inquiry.protected_activity_reasoning,
        },
        _(
            "Second test: was the protected activity a contributing factor in the alleged retaliation? "
            "The test is %(result)s. %(reasoning)s"
        )
        % {
            "result": _yes_no(inquiry.contributing_factor_found),
            "reasoning": inquiry.contributing_factor_reasoning,
        },
    ]


def letter_content(inquiry: RetaliationInquiry, kind: str, *, actor=None, measure=None) -> dict:
    """Addressee, subject, paragraphs, legal basis and signatory for one letter."""
    ref = inquiry.service_request.ref
    requester = inquiry.service_request.requester
    name = requester.name if requester else _("the complainant")
    paragraphs: list[str] = []
    addressee = name
    if kind == LetterKind.REFERRAL:
        office = inquiry.referred_to_other or (
            inquiry.get_referred_to_display() if inquiry.referred_to else ""
        )
        subject = _("Your inquiry %(ref)s: referral") % {"ref": ref}
        paragraphs = [
            _("The Ethics Office has considered your inquiry %(ref)s.") % {"ref": ref},
            _(
                "The matter you raised falls outside the policy on protection against retaliation. "
                "We have referred you to: %(office)s, which is best placed to assist you."
            )
            % {"office": office},
            _("You may contact the Ethics Office again if new facts arise."),
        ]
    elif kind == LetterKind.REVIEW_OUTCOME:
        subject = _("Your request for protection %(ref)s: outcome of the preliminary review") % {"ref": ref}
        if inquiry.review_outcome == ReviewOutcome.PRIMA_FACIE:
            body = _(
                "The preliminary review found a prima facie case of retaliation. The matter has been "
                "referred to %(body)s for investigation. The Ethics Office will inform you of the "
                "final determination."
            ) % {"body": _investigator(inquiry)}
        elif inquiry.review_outcome == ReviewOutcome.NO_PRIMA_FACIE:
            body = _(
                "The preliminary review did not find a prima facie case of retaliation. The matter is closed. "
                "You may ask the Chair of the Ethics Panel of the United Nations to review this conclusion."
            )
        else:
            body = _("Your request for protection has been closed (%(reason)s).") % {
                "reason": inquiry.get_closure_reason_display() or ReviewOutcome.CLOSED.label
            }
        paragraphs = [
            _("The Ethics Office has completed the preliminary review of your request %(ref)s.")
            % {"ref": ref},
            body,
            *_review_reasons(inquiry),
        ]
    elif kind == LetterKind.REFERRAL_MEMO:
        addressee = _investigator(inquiry)
        subject = _("Referral for investigation: request for protection %(ref)s") % {"ref": ref}
        paragraphs = [
            _(
                "Following a preliminary review, the Ethics Office has found a prima facie case that "
                "%(name)s engaged in a protected activity and that the activity was a contributing factor "
                "in the alleged retaliation."
            )
            % {"name": name},
            _(
                "The matter is referred to you for investigation. We would be grateful for your report by %(date)s."
            )
            % {
                "date": date_format(inquiry.investigation_expected, "DATE_FORMAT")
                if inquiry.investigation_expected
                else "—"
            },
            *_review_reasons(inquiry),
            _("This memorandum and the case are strictly confidential."),
        ]
    elif kind == LetterKind.INTERIM_MEMO:
        addressee = measure.sent_to if measure else ""
        subject = _("Recommendation of an interim protection measure: case %(ref)s") % {"ref": ref}
        paragraphs = [
            _(
                "Pending the outcome of the matter, the Ethics Office recommends the following measure to "
                "safeguard the interests of the complainant: %(measure)s."
            )
            % {"measure": measure.get_measure_display() if measure else "—"},
            _("The complainant has consented to this measure.")
            if measure and measure.complainant_consent
            else _("The complainant's consent to this measure has not been recorded."),
            _("We would be grateful if you would inform the Ethics Office of its implementation."),
            _("This memorandum and the case are strictly confidential."),
        ]
    else:
        subject = _("Your request for protection %(ref)s: final determination") % {"ref": ref}
        if inquiry.retaliation_established:
            body = _(
                "Having reviewed the investigation report, the Director of the Ethics Office has determined that "
                "retaliation was established. The Ethics Office is recommending corrective measures and will "
                "follow their implementation."
            )
        else:
            body = _(
                "Having reviewed the investigation report, the Director of the Ethics Office has determined that "
                "retaliation was not established."
            )
        paragraphs = [
            body,
            _("Findings: %(findings)s") % {"findings": inquiry.determination_reasoning or "—"},
            _(
                "You may ask the Chair of the Ethics Panel of the United Nations to review this determination."
            ),
        ]
    signer, title = signatory(inquiry, kind, actor)
    return {
        "ref": ref,
        "date": date_format(timezone.localdate(), "DATE_FORMAT"),
        "addressee": addressee,
        "subject": subject,
        "paragraphs": paragraphs,
        "legal_basis": str(LEGAL_BASIS[kind]),
        "signer": signer,
        "signer_title": title,
        "signature": _("Ethics Office, United Nations"),
        "confidential": _("Strictly confidential"),
    }


def render_pdf(content: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string("retaliation/letters/letter.html", content)
    return HTML(string=html).write_pdf()


def render_docx(content: dict) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph(content["confidential"])
    document.add_paragraph(content["date"])
    document.add_paragraph(content["addressee"])
    document.add_heading(content["subject"], level=1)
    for paragraph in content["paragraphs"]:
        document.add_paragraph(paragraph)
    document.add_paragraph(content["legal_basis"])
    document.add_paragraph(content["signer"])
    document.add_paragraph(content["signer_title"])
    document.add_paragraph(content["signature"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_letter(inquiry: RetaliationInquiry, kind: str, fmt: str, *, actor=None, measure=None) -> bytes:
    content = letter_content(inquiry, kind, actor=actor, measure=measure)
    return render_docx(content) if fmt == LetterFormat.DOCX else render_pdf(content)
