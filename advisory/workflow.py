"""Advice requests: statuses and outcomes as data (the enums themselves are in models.py)."""

from .models import Outcome, Status

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


# The status each outcome leaves the request in.
OUTCOME_STATUS = {
    Outcome.ADVISED: Status.ADVISED,
    Outcome.REFERRED: Status.ADVISED,
    Outcome.OUTSIDE_MANDATE: Status.ADVISED,
    Outcome.WITHDRAWN: Status.WITHDRAWN,
}
