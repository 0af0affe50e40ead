from celery import shared_task

from .services import clock_alerts_send


@shared_task(name="retaliation.tasks.send_clock_alerts")
def send_clock_alerts() -> int:
    """Day-30 and deadline alerts to the officers assigned to running preliminary reviews."""
    return clock_alerts_send()
