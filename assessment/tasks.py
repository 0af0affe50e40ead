"""Periodic work of the assessment (scheduled in CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import services


@shared_task(name="assessment.tasks.send_reminders", autoretry_for=(ConnectionError,), max_retries=3)
def send_reminders() -> int:
    """Remind the sampled staff who have not answered, a week apart, twice at most."""
    return services.reminders_send(actor=None)
