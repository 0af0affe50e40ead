"""Statement statuses as data: a draft is submitted once; an amendment is a new version."""

from .models import StatementStatus

Status = StatementStatus

ALLOWED = {
    Status.DRAFT: {Status.SUBMITTED},
    Status.SUBMITTED: set(),
}
