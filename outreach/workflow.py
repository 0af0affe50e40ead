"""Training requests: statuses and their allowed transitions, as data."""

from .models import TrainingRequestStatus

ALLOWED = {
    TrainingRequestStatus.REQUESTED: {TrainingRequestStatus.SCHEDULED, TrainingRequestStatus.DECLINED},
    TrainingRequestStatus.SCHEDULED: {TrainingRequestStatus.REQUESTED},
    TrainingRequestStatus.DECLINED: {TrainingRequestStatus.REQUESTED},
}
