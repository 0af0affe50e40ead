from celery import shared_task

from .services import retention_run


@shared_task(name="retention.tasks.apply_retention", acks_late=True, ignore_result=True)
def apply_retention() -> int:
    """The monthly purge (CELERY_BEAT_SCHEDULE `retention-monthly`)."""
    return sum(line.due for line in retention_run(apply=True))
