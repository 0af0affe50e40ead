"""An assessment's statuses as data. Fielding and publication need the Director."""

from ethics_office.base.roles import Role

from .models import Status

ALLOWED = {
    Status.DRAFT: {Status.FIELDED},
    Status.FIELDED: {Status.CLOSED},
    Status.CLOSED: {Status.PUBLISHED},
    Status.PUBLISHED: set(),
}

# Who may make each move (the office designs, fields and analyses; the Director approves).
WHO = {
    Status.FIELDED: {Role.DIRECTOR},
    Status.CLOSED: {Role.OFFICER, Role.DIRECTOR},
    Status.PUBLISHED: {Role.DIRECTOR},
}


def can_transition(current: str, to: str) -> bool:
    return to in ALLOWED.get(current, set())
