from celery import shared_task

from reports.records.jobs import import_job_run


@shared_task(name="reports.tasks.import_run", acks_late=True, ignore_result=True)
def import_run(job_id: str) -> None:
    """One records import job (reports.records.jobs): a check or the import of a checked file."""
    import_job_run(job_id)
