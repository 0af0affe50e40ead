"""The life of a retaliation inquiry: statuses and the transitions allowed between them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_REVIEW = "under_review", _("Preliminary review")
    PAUSED = "paused", _("Review paused: awaiting the complainant")
    REFERRED = "referred", _("Referred for investigation")
    DETERMINATION = "determination", _("Investigation report received: awaiting determination")
    CORRECTIVE = "corrective", _("Retaliation established: corrective measures followed")
    CLOSED = "closed", _("Closed")
    # Rows loaded by the records import carry only the contract fields; they are history,
    # not live cases, and take no transitions.
    IMPORTED = "imported", _("Imported history record")


ALLOWED = {
    Status.RECEIVED: {Status.UNDER_REVIEW, Status.CLOSED},
    Status.UNDER_REVIEW: {Status.PAUSED, Status.REFERRED, Status.CLOSED},
    Status.PAUSED: {Status.UNDER_REVIEW, Status.CLOSED},
    Status.REFERRED: {Status.DETERMINATION},
    Status.DETERMINATION: {Status.CORRECTIVE, Status.CLOSED},
    Status.CORRECTIVE: {Status.CLOSED},
    Status.CLOSED: set(),
    Status.IMPORTED: set(),
}

# Statuses in which the 45-day preliminary-review clock exists.
CLOCK_STATUSES = frozenset({Status.UNDER_REVIEW, Status.PAUSED})
OPEN_STATUSES = frozenset(set(Status.values) - {Status.CLOSED, Status.IMPORTED})
