"""Letters and memos, rendered as PDF (WeasyPrint, from an HTML template) or Word (python-docx).

Both formats are built from the same paragraphs, so the PDF and the Word version say
the same thing. Letters carry outcomes, never the office's internal reasoning or notes.
"""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import InvestigationBody, LetterFormat, LetterKind, RetaliationInquiry, ReviewOutcome


def _investigator(inquiry: RetaliationInquiry) -> str:
    if inquiry.investigation_body == InvestigationBody.ALTERNATIVE and inquiry.investigation_body_name:
        return inquiry.investigation_body_name
    return InvestigationBody(inquiry.investigation_body or InvestigationBody.OIOS).label


def letter_content(inquiry: RetaliationInquiry, kind: str) -> dict:
    """Addressee, subject and paragraphs for one letter."""
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
            _(
                "You may ask the Chair of the Ethics Panel of the United Nations to review this determination."
            ),
        ]
    return {
        "ref": ref,
        "date": date_format(timezone.localdate(), "DATE_FORMAT"),
        "addressee": addressee,
        "subject": subject,
        "paragraphs": paragraphs,
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
    document.add_paragraph(content["signature"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_letter(inquiry: RetaliationInquiry, kind: str, fmt: str) -> bytes:
    content = letter_content(inquiry, kind)
    return render_docx(content) if fmt == LetterFormat.DOCX else render_pdf(content)
