"""The life of a retaliation inquiry: the transitions allowed between its statuses (the enum is
in models.py).

Two-person rule: a prima facie finding recorded by the officer waits in SIGN_OFF until the
Director (or the alternate) signs it off; only then is the case referred (or it goes back to
the review). A determination that retaliation was established waits in ESTABLISHED until the
first corrective measure is recommended; only then does it read "corrective measures followed".
"""

from .models import Status

ALLOWED = {
    Status.RECEIVED: {Status.UNDER_REVIEW, Status.CLOSED},
    Status.UNDER_REVIEW: {Status.PAUSED, Status.SIGN_OFF, Status.CLOSED},
    Status.PAUSED: {Status.UNDER_REVIEW, Status.CLOSED},
    Status.SIGN_OFF: {Status.REFERRED, Status.UNDER_REVIEW},
    Status.REFERRED: {Status.DETERMINATION},
    Status.DETERMINATION: {Status.ESTABLISHED, Status.CLOSED},
    Status.ESTABLISHED: {Status.CORRECTIVE},
    Status.CORRECTIVE: {Status.CLOSED},
    Status.CLOSED: set(),
    Status.IMPORTED: set(),
}

OPEN_STATUSES = frozenset(set(Status.values) - {Status.CLOSED, Status.IMPORTED})
