"""The OHRM referral letter, generated as a Word document."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document

from ethics_office.base.wording import long_date


def referral_letter_docx(referral) -> bytes:
    filer = referral.filer
    document = Document()
    document.add_heading(_("Referral of a non-compliant filer"), level=1)
    document.add_paragraph(_("To: Office of Human Resources Management"))
    document.add_paragraph(_("From: Ethics Office"))
    document.add_paragraph(_("Date: %(date)s") % {"date": long_date(timezone.localdate())})
    document.add_paragraph(
        _(
            "Under ST/SGB/2006/6, %(name)s (index number %(index)s, %(entity)s) was required to file a "
            "financial disclosure statement in the %(year)s cycle and had not filed when the cycle closed "
            "on %(closed)s. The Ethics Office refers the matter to your office for action."
        )
        % {
            "name": filer.person.name,
            "index": filer.person.index_number,
            "entity": filer.entity.name,
            "year": filer.cycle.year,
            "closed": long_date(filer.cycle.closed_on or referral.referred_on),
        }
    )
    document.add_paragraph(_("Referred on %(date)s.") % {"date": long_date(referral.referred_on)})
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
