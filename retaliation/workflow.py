"""The life of a retaliation inquiry: the transitions allowed between its statuses (the enum is
in models.py)."""

from .models import Status

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

OPEN_STATUSES = frozenset(set(Status.values) - {Status.CLOSED, Status.IMPORTED})
