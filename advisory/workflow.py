from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    AWAITING_REQUESTER = "awaiting_requester", _("Awaiting requester")
    ADVISED = "advised", _("Advised")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Reassigning an officer is not a status change (advice_request_assign); the first
# assignment moves a request from RECEIVED to ASSIGNED through this same table.
ALLOWED: dict[str, set[str]] = {
    Status.RECEIVED: {Status.ASSIGNED, Status.WITHDRAWN},
    Status.ASSIGNED: {Status.IN_PROGRESS, Status.AWAITING_REQUESTER, Status.ADVISED, Status.WITHDRAWN},
    Status.IN_PROGRESS: {Status.AWAITING_REQUESTER, Status.ADVISED, Status.WITHDRAWN},
    Status.AWAITING_REQUESTER: {Status.IN_PROGRESS, Status.ADVISED, Status.WITHDRAWN},
    Status.ADVISED: {Status.CLOSED, Status.IN_PROGRESS},
    Status.CLOSED: {Status.IN_PROGRESS},  # reopen
    Status.WITHDRAWN: {Status.RECEIVED, Status.IN_PROGRESS},  # reopen (to triage, or to its officer)
}

# Open: the office still owes the requester something.
OPEN = frozenset({Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS, Status.AWAITING_REQUESTER})
# States that need an officer on the case.
NEEDS_OFFICER = frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.AWAITING_REQUESTER, Status.ADVISED})
# What a requester may do to their own request.
REQUESTER_MAY = {status: {Status.WITHDRAWN} for status in OPEN}


class Outcome(models.TextChoices):
    ADVISED = "advised", _("Advised")
    REFERRED = "referred", _("Referred elsewhere")
    OUTSIDE_MANDATE = "outside_mandate", _("Outside the mandate")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The status each outcome leaves the request in.
OUTCOME_STATUS = {
    Outcome.ADVISED: Status.ADVISED,
    Outcome.REFERRED: Status.ADVISED,
    Outcome.OUTSIDE_MANDATE: Status.ADVISED,
    Outcome.WITHDRAWN: Status.WITHDRAWN,
}


class VendorRecommendation(models.TextChoices):
    REINSTATE = "reinstate", _("Invite to re-register (reinstate)")
    DO_NOT_REINSTATE = "do_not_reinstate", _("Do not reinstate")
    MONITOR = "monitor", _("Monitor compliance")
    OTHER = "other", _("Other")
