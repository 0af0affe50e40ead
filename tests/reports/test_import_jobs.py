"""The administrators' upload runs in Celery: a check (dry run) with a progress page, then the
import on confirmation; all or nothing, with every error by line."""

import io

import pytest
from django.urls import reverse

from ethics_office.audit.models import Action, AuditEvent
from ethics_office.base.storage import private_storage
from ethics_office.intake.models import ServiceRequest
from outreach.models import TrainingSession
from panel.models import PanelMeeting
from reports.models import ImportJob, ImportJobStatus
from tests.outbox.conftest import broker, redis_server, smtp_server, worker_for  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

GOOD = b'{"type": "panel_meeting", "ref": "EP-99-01", "date": "2011-09-15"}\n' + (
    b'{"type": "service_request", "ref": "SR-99-1", "received": "2011-09-01", "category": "training"}\n'
)


def _upload(client, content, capture):
    upload = io.BytesIO(content)
    upload.name = "records.jsonl"
    with capture(execute=True):
        response = client.post(reverse("reports-import"), {"file": upload})
    assert response.status_code == 302
    return response["Location"]


def test_an_upload_is_checked_by_a_worker_and_written_only_when_confirmed(
    client_for, django_capture_on_commit_callbacks
):
    """The upload queues a check; its page shows the dry run's counts and a confirmation; nothing is
    written until the confirmation's job has run; then the page says what was imported, once."""
    client = client_for("admin")
    job_url = _upload(client, GOOD, django_capture_on_commit_callbacks)
    check = ImportJob.objects.get()
    assert check.status == ImportJobStatus.DONE and check.kind == "check"
    assert job_url == reverse("reports-import-job", kwargs={"pk": check.pk})
    html = client.get(job_url).content.decode()
    assert "Dry run" in html and "Confirm the import" in html
    assert not ServiceRequest.objects.filter(ref="SR-99-1").exists()
    assert not AuditEvent.objects.filter(action=Action.IMPORT).exists()
    assert private_storage.exists(check.file_name)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports-import-confirm"), {"job": str(check.pk)})
    apply = ImportJob.objects.exclude(pk=check.pk).get()
    assert response["Location"] == reverse("reports-import-job", kwargs={"pk": apply.pk})
    assert apply.status == ImportJobStatus.DONE and apply.check_job == check
    assert ServiceRequest.objects.filter(ref="SR-99-1", channel="import").exists()
    assert PanelMeeting.objects.filter(ref="EP-99-01").exists()
    assert AuditEvent.objects.filter(action=Action.IMPORT).count() == 1
    html = client.get(response["Location"]).content.decode()
    assert "Imported 2 records: 2 rows created, 0 updated." in html
    assert not private_storage.exists(check.file_name)  # the file goes once imported
    # The same check cannot be imported twice.
    response = client.post(reverse("reports-import-confirm"), {"job": str(check.pk)})
    assert response.status_code == 302 and response["Location"] == reverse("reports-import")
    assert ImportJob.objects.count() == 2
    assert "Confirm the import" not in client.get(job_url).content.decode()


def test_an_upload_with_errors_lists_them_by_line_and_writes_nothing(
    client_for, django_capture_on_commit_callbacks
):
    client = client_for("admin")
    bad = GOOD + b'{"type": "panel_meeting", "ref": "EP-99-02", "date": "soon"}\n'
    job_url = _upload(client, bad, django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert job.status == ImportJobStatus.REJECTED
    assert job.errors == [
        {"line": 3, "field": "date", "value": "soon", "expected": job.errors[0]["expected"]}
    ]
    html = client.get(job_url).content.decode()
    assert "nothing was written" in html and "<code>date</code>" in html and "soon" in html
    assert "Confirm the import" not in html
    assert client.post(reverse("reports-import-confirm"), {"job": str(job.pk)}).status_code == 302
    assert ImportJob.objects.count() == 1
    assert not ServiceRequest.objects.filter(ref="SR-99-1").exists()
    assert not private_storage.exists(job.file_name)


def test_a_running_job_shows_its_progress_and_htmx_polls_the_fragment(client_for, people):
    """Before a worker has finished, the page shows a progress bar and the stage, and asks htmx to
    fetch the fragment again; the fragment alone answers htmx's requests."""
    from django.core.cache import cache

    from reports.records.jobs import _progress_key, import_job_start

    client = client_for("admin")
    # Inside the test's transaction the job is never handed to a worker: it stays queued.
    job = import_job_start(actor=people["admin"], content=GOOD, filename="records.jsonl")
    cache.set(_progress_key(job.pk), ("write_disclosure", 0.6))
    url = reverse("reports-import-job", kwargs={"pk": job.pk})
    html = client.get(url).content.decode()
    assert '<progress max="100" value="60"' in html and "Writing financial disclosure" in html
    assert f'hx-get="{url}"' in html and 'hx-trigger="every 1s"' in html
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="import-job"') and "<html" not in fragment


def test_another_administrators_job_is_not_found(client_for, people, django_capture_on_commit_callbacks):
    from ethics_office.base.roles import Role
    from ethics_office.organisation.services import role_grant

    other = people["officer2"]
    role_grant(actor=people["admin"], user=other, role=Role.ADMIN)
    job_url = _upload(client_for("admin"), GOOD, django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert client_for("officer2").get(job_url).status_code == 404
    response = client_for("officer2").post(reverse("reports-import-confirm"), {"job": str(job.pk)})
    assert response.status_code == 302
    assert ImportJob.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_import_runs_in_a_real_celery_worker(client_for, broker, worker_for, settings, monkeypatch):  # noqa: F811
    """Published to Redis and run by a worker process: the check, then the import, end to end."""
    import time

    monkeypatch.setenv("PRIVATE_MEDIA_ROOT", str(settings.PRIVATE_MEDIA_ROOT))
    worker_for()
    client = client_for("admin")
    upload = io.BytesIO(
        b'{"type": "training_session", "ref": "TS-W-1", "date": "2011-10-01", "kind": "workshop",'
        b' "participants": 12}\n'
    )
    upload.name = "records.jsonl"

    def finished(job_id):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            job = ImportJob.objects.get(pk=job_id)
            if job.finished:
                return job
            time.sleep(0.2)
        pytest.fail("the worker did not finish the job")

    response = client.post(reverse("reports-import"), {"file": upload})
    check = finished(ImportJob.objects.get().pk)
    assert check.status == ImportJobStatus.DONE and check.counts["training_session"]["created"] == 1
    response = client.post(reverse("reports-import-confirm"), {"job": str(check.pk)})
    apply = finished(ImportJob.objects.exclude(pk=check.pk).get().pk)
    assert apply.status == ImportJobStatus.DONE
    assert TrainingSession.objects.filter(ref="TS-W-1", participants=12).exists()
    assert "Imported 1 records" in client.get(response["Location"]).content.decode()
