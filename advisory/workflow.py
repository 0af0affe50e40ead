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


ALLOWED: dict[str, set[str]] = {
    Status.RECEIVED: {Status.ASSIGNED, Status.WITHDRAWN},
    Status.ASSIGNED: {Status.IN_PROGRESS, Status.ASSIGNED, Status.WITHDRAWN},
    Status.IN_PROGRESS: {Status.AWAITING_REQUESTER, Status.ADVISED, Status.WITHDRAWN},
    Status.AWAITING_REQUESTER: {Status.IN_PROGRESS, Status.WITHDRAWN},
    Status.ADVISED: {Status.CLOSED, Status.IN_PROGRESS},
    Status.CLOSED: {Status.IN_PROGRESS},  # reopen
    Status.WITHDRAWN: {Status.IN_PROGRESS},  # reopen
}
