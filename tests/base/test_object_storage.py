"""Private files in an S3-compatible object store: ciphertext in the bucket, plaintext only
through the app, and gone from the bucket when retention purges them.

The store is a real S3 API server on a local port: moto's standalone server (MinIO is not
packaged for this machine), started by the fixture and stopped after."""

import datetime as dt
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from advisory import services
from advisory.models import AdviceAttachment, AdviceRequest, Status
from ethics_office.base.storage import private_storage
from tests.parallel import own_port

boto3 = pytest.importorskip("boto3")
pytest.importorskip("storages")

PORT = own_port(9600)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n% the plaintext marker: Jane Roe's complaint\n%%EOF\n"
BUCKET = "ethics-private-test"


def _server_binary() -> str:
    here = Path(__import__("sys").executable).parent / "moto_server"
    return str(here) if here.exists() else (shutil.which("moto_server") or "")


@pytest.fixture(scope="module")
def s3_server():
    binary = _server_binary()
    if not binary:
        pytest.skip("moto[server] is not installed")
    proc = subprocess.Popen(
        [binary, "-H", "127.0.0.1", "-p", str(PORT)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("the S3 server did not start")
                time.sleep(0.2)
        yield f"http://127.0.0.1:{PORT}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def bucket(s3_server, settings):
    settings.PRIVATE_STORAGE_BACKEND = "s3"
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_server
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_ACCESS_KEY_ID = "test"
    settings.AWS_SECRET_ACCESS_KEY = "test"  # noqa: S105
    settings.AWS_LOCATION = "private"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",  # noqa: S106
    )
    client.create_bucket(Bucket=BUCKET)
    yield client
    for obj in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=obj["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _keys(client) -> list[str]:
    return [o["Key"] for o in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


@pytest.mark.django_db
def test_an_attachment_goes_to_the_bucket_as_ciphertext_and_comes_back_through_the_gate(
    bucket, people, client_for, settings, tmp_path
):
    """Uploaded through the service, the object in the bucket is a Fernet token (no plaintext),
    nothing lands on the local disk, the gated download gives the original bytes, and
    retention's purge removes the object."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    req = services.advice_request_submit(
        actor=people["staff"],
        category="other",
        question="Q",
        files=[SimpleUploadedFile("complaint.pdf", PDF, content_type="application/pdf")],
    )
    attachment = req.attachments.get()
    keys = _keys(bucket)
    assert keys == [f"private/{attachment.file.name}"]
    stored = bucket.get_object(Bucket=BUCKET, Key=keys[0])["Body"].read()
    assert b"Jane Roe" not in stored and b"%PDF" not in stored
    assert stored.startswith(b"gAAAAA")  # a Fernet token
    assert "complaint" not in keys[0]  # the name a person gave says too much
    assert not any(tmp_path.rglob("*"))

    response = client_for("staff").get(reverse("advisory-attachment", kwargs={"pk": attachment.pk}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert (
        client_for("staff2").get(reverse("advisory-attachment", kwargs={"pk": attachment.pk})).status_code
        == 404
    )

    from retention.services import retention_run

    AdviceRequest.objects.filter(pk=req.pk).update(status=Status.CLOSED)
    retention_run(as_of=dt.date(2100, 1, 1), apply=True)
    assert not AdviceAttachment.objects.filter(pk=attachment.pk).exists()
    assert _keys(bucket) == []
    assert not private_storage.exists(attachment.file.name)


@pytest.mark.django_db
def test_key_rotation_rewrites_the_objects_in_the_bucket(bucket, settings):
    """rotate_field_keys re-encrypts the bucket's objects under the newest key; they still open."""
    import io

    from cryptography.fernet import Fernet
    from django.core.management import call_command

    name = private_storage.save("rotation/x.pdf", ContentFile(b"%PDF-1.4 secret"))
    key = f"private/{name}"
    before = bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, *settings.FIELD_ENCRYPTION_KEYS]
    call_command("rotate_field_keys", stdout=io.StringIO())
    after = bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert after != before
    assert Fernet(new_key.encode()).decrypt(after) == b"%PDF-1.4 secret"
    with private_storage.open(name) as handle:
        assert handle.read() == b"%PDF-1.4 secret"
