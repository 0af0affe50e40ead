"""The administrators' upload as Celery jobs: a check (dry run), then the import on confirmation.

The web request only stores the file (encrypted, in private storage) and queues the job; a
worker runs `records_import` with the same all-or-nothing semantics as before and writes the
outcome to the `ImportJob` row after the import's own transaction. While it runs, the worker
puts its progress in the cache (shared by every web replica through Redis), where the job page
reads it.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.storage import private_storage
from reports.models import ImportJob, ImportJobKind, ImportJobStatus
from reports.permissions import can_import_records

from .services import ImportRejected, records_import

logger = logging.getLogger(__name__)
PROGRESS_SECONDS = 24 * 3600


def _progress_key(job_id) -> str:
    return f"reports-import-progress:{job_id}"


def import_job_progress(job: ImportJob) -> tuple[str, float]:
    """(stage, fraction) of a job; finished jobs are complete."""
    if job.finished:
        return "finished", 1.0
    return cache.get(_progress_key(job.pk)) or ("queued", 0.0)


def _enqueue(job: ImportJob) -> None:
    from reports.tasks import import_run

    transaction.on_commit(lambda: import_run.delay(str(job.pk)))


def _forget_unconfirmed(actor) -> None:
    """A new upload replaces the actor's checked files that were never confirmed."""
    stale = ImportJob.objects.filter(actor=actor, kind=ImportJobKind.CHECK, status=ImportJobStatus.DONE)
    for job in stale.exclude(file_name=""):
        if not ImportJob.objects.filter(check_job=job).exists() and private_storage.exists(job.file_name):
            private_storage.delete(job.file_name)
        job.file_name = ""
        job.save(update_fields=["file_name"])


@transaction.atomic
def import_job_start(*, actor, content: bytes, filename: str) -> ImportJob:
    """Store the file and queue its check (a dry run) in a worker."""
    if not can_import_records(actor):
        raise PermissionDenied
    _forget_unconfirmed(actor)
    name = private_storage.save(f"imports/{uuid.uuid4().hex}.jsonl", ContentFile(content))
    job = ImportJob.objects.create(
        id=uuid.uuid4(), actor=actor, kind=ImportJobKind.CHECK, file_name=name, filename=filename[:200]
    )
    audit_record(actor=actor, action=Action.CREATE, obj=job, fields=["kind", "filename"])
    _enqueue(job)
    return job


@transaction.atomic
def import_job_confirm(*, actor, check_job_id) -> ImportJob | None:
    """Queue the import of a checked file; None when nothing is waiting (already imported,
    not checked yet, had errors or would change nothing, or another administrator's)."""
    if not can_import_records(actor):
        raise PermissionDenied
    try:
        check = ImportJob.objects.select_for_update().get(
            pk=check_job_id, actor=actor, kind=ImportJobKind.CHECK, status=ImportJobStatus.DONE
        )
    except (ImportJob.DoesNotExist, ValueError, TypeError):
        return None
    if not check.changed or not check.file_name or ImportJob.objects.filter(check_job=check).exists():
        return None
    job = ImportJob.objects.create(
        id=uuid.uuid4(),
        actor=actor,
        kind=ImportJobKind.APPLY,
        file_name=check.file_name,
        filename=check.filename,
        check_job=check,
    )
    audit_record(actor=actor, action=Action.CREATE, obj=job, fields=["kind", "filename"])
    _enqueue(job)
    return job


def _finish(job: ImportJob, **values) -> None:
    for name, value in values.items():
        setattr(job, name, value)
    job.finished_at = timezone.now()
    job.save(update_fields=[*values, "finished_at"])
    cache.delete(_progress_key(job.pk))


def import_job_run(job_id) -> None:
    """The worker's part: run the check or the import, then record the outcome on the job."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().select_related("actor").get(pk=job_id)
        if job.status != ImportJobStatus.QUEUED:
            return  # a redelivered message: the job ran (or is running) already
        job.status = ImportJobStatus.RUNNING
        job.save(update_fields=["status"])
    key = _progress_key(job.pk)
    last = [-1.0]

    def progress(stage: str, fraction: float) -> None:
        if fraction - last[0] >= 0.05 or stage != "read":
            last[0] = fraction
            cache.set(key, (stage, fraction), PROGRESS_SECONDS)

    progress("read", 0.0)
    dry_run = job.kind == ImportJobKind.CHECK
    try:
        if not job.file_name or not private_storage.exists(job.file_name):
            raise FileNotFoundError(job.file_name)
        with private_storage.open(job.file_name) as handle:
            content = handle.read()
        result = records_import(
            actor=job.actor,
            lines=content.splitlines(),
            dry_run=dry_run,
            source=job.filename,
            progress=progress,
        )
    except ImportRejected as exc:
        _finish(
            job,
            status=ImportJobStatus.REJECTED,
            errors=[
                {"line": e.line, "field": e.field, "value": e.value, "expected": e.expected}
                for e in exc.errors
            ],
            message=str(exc.message),
        )
        _drop_file(job)
        return
    except Exception:
        logger.exception("records import job %s failed", job.pk)
        _finish(job, status=ImportJobStatus.FAILED)
        raise
    _finish(
        job, status=ImportJobStatus.DONE, lines=result.lines, records=result.records, counts=result.counts
    )
    if not dry_run or not result.changed:
        _drop_file(job)


def _drop_file(job: ImportJob) -> None:
    if job.file_name and private_storage.exists(job.file_name):
        private_storage.delete(job.file_name)
