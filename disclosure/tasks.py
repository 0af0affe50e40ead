"""Periodic work of the programme (scheduled in CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import services


@shared_task(name="disclosure.tasks.send_monthly_notices", autoretry_for=(ConnectionError,), max_retries=3)
def send_monthly_notices() -> int:
    """One non-compliance notice per entity per month; safe to run twice or to retry."""
    return len(services.monthly_notices_send(actor=None))


@shared_task(name="disclosure.tasks.send_filer_reminders", autoretry_for=(ConnectionError,), max_retries=3)
def send_filer_reminders() -> int:
    return services.filer_reminders_send()
