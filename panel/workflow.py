"""Statuses and their allowed transitions, as data."""

from .models import ConsultationStatus

CONSULTATION_ALLOWED = {
    ConsultationStatus.OPEN: {ConsultationStatus.CLOSED},
    # The Panel may reopen a matter when new material arrives.
    ConsultationStatus.CLOSED: {ConsultationStatus.OPEN},
}
