"""Re-encrypt every encrypted column and private file under the newest key.

Rotation: put the new key first in FIELD_ENCRYPTION_KEYS, keep the old ones, run this, then
drop the old keys.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.crypto import EncryptedJSONField, EncryptedTextField, fernet
from ethics_office.base.storage import private_storage


def encrypted_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, (EncryptedTextField, EncryptedJSONField))]


class Command(BaseCommand):
    help = "Re-encrypt confidential columns and private files under the newest FIELD_ENCRYPTION_KEYS key."

    def handle(self, *args, **options):
        total_rows = 0
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if not fields:
                continue
            names = [f.name for f in fields]
            rows = 0
            with transaction.atomic():
                batch = []
                # Reading decrypts with any configured key; saving encrypts with the newest.
                for obj in model._base_manager.only("pk", *names).iterator(chunk_size=500):
                    batch.append(obj)
                    if len(batch) == 500:
                        model._base_manager.bulk_update(batch, names)
                        rows += len(batch)
                        batch = []
                if batch:
                    model._base_manager.bulk_update(batch, names)
                    rows += len(batch)
                if rows:
                    audit_record(
                        actor=None,
                        actor_label="rotate_field_keys",
                        action=Action.UPDATE,
                        object_type=model._meta.label_lower,
                        object_id="*",
                        fields=names,
                    )
            total_rows += rows
            self.stdout.write(f"{model._meta.label}: {rows} rows")
        files = 0
        root = Path(settings.PRIVATE_MEDIA_ROOT)
        remote = private_storage.remote
        if remote is not None:
            # The object store holds the same Fernet tokens: each object is read and rewritten.
            for summary in remote.bucket.objects.filter(Prefix=remote.location):
                token = summary.get()["Body"].read()
                remote.bucket.Object(summary.key).put(Body=fernet().rotate(token))
                files += 1
        elif root.exists():
            for path in root.rglob("*"):
                if path.is_file() and not path.name.startswith("celerybeat"):
                    token = path.read_bytes()
                    path.write_bytes(fernet().rotate(token))
                    files += 1
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {total_rows} rows and {files} files."))
