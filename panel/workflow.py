"""Statuses and their allowed transitions, as data."""

from .models import ConsultationStatus, MinutesStatus

CONSULTATION_ALLOWED = {
    ConsultationStatus.OPEN: {ConsultationStatus.CLOSED},
    # The Panel may reopen a matter when new material arrives.
    ConsultationStatus.CLOSED: {ConsultationStatus.OPEN},
}

# Saving the text makes (or keeps) a draft; approval freezes it.
MINUTES_ALLOWED = {
    MinutesStatus.NONE: {MinutesStatus.DRAFT},
    MinutesStatus.DRAFT: {MinutesStatus.DRAFT, MinutesStatus.APPROVED},
    MinutesStatus.APPROVED: set(),
}
