"""Delivery after commit and the periodic sweeper (CELERY_BEAT_SCHEDULE `outbox-sweep`)."""

from celery import shared_task

from . import services


# acks_late: a worker killed mid-delivery leaves the task to be run again; the row's lease and
# status make that second run send nothing twice.
@shared_task(
    name="ethics_office.outbox.tasks.deliver", acks_late=True, reject_on_worker_lost=True, ignore_result=True
)
def deliver(message_id: int) -> bool:
    return services.outbox_deliver(message_id=message_id)


@shared_task(name="ethics_office.outbox.tasks.sweep", acks_late=True, ignore_result=True)
def sweep() -> int:
    return services.outbox_sweep()
