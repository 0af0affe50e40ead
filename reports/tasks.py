from celery import shared_task

from reports.records.jobs import import_job_run


@shared_task(name="reports.tasks.warm_reports", acks_late=True, ignore_result=True)
def warm_reports():
    """After records changed: the latest period with data and the one before it, ready to open."""
    from django.core.cache import cache

    from . import cache as report_cache

    cache.delete(report_cache.WARM_PENDING_KEY)
    latest = report_cache.latest_period_with_data()
    # What the page needs first (its charts in every language), then the documents.
    report_cache.warm([latest.label], formats=())
    report_cache.warm([latest.previous.label], formats=())
    report_cache.warm([latest.label])


@shared_task(name="reports.tasks.import_run", acks_late=True, ignore_result=True)
def import_run(job_id: str) -> None:
    """One records import job (reports.records.jobs): a check or the import of a checked file."""
    import_job_run(job_id)
