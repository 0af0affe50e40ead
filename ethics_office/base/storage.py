"""Private, encrypted file storage for case attachments.

Files live under PRIVATE_MEDIA_ROOT (outside the web root, never served by a URL of
their own); their bytes are Fernet-encrypted on disk and decrypted when opened
through a permission-checked view. On disk a file has a random name: the name a person
gave it ("complaint-against-J-Smith.pdf") says too much, so models keep it encrypted.

With PRIVATE_STORAGE_BACKEND = "s3" the same ciphertext goes to an S3-compatible bucket
(django-storages) instead of the local disk, so any number of web replicas share the files.
Encryption happens here, before the bytes leave the process: the object store only ever
holds ciphertext, and its own server-side encryption is a second layer, not the first.
"""

import os
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from .crypto import decrypt_bytes, encrypt_bytes


def _s3_storage():
    """The bucket named by the AWS_* settings; built at each use so a changed setting is followed."""
    from storages.backends.s3 import S3Storage

    return S3Storage(
        bucket_name=settings.AWS_STORAGE_BUCKET_NAME,
        endpoint_url=settings.AWS_S3_ENDPOINT_URL or None,
        region_name=settings.AWS_S3_REGION_NAME or None,
        access_key=settings.AWS_ACCESS_KEY_ID or None,
        secret_key=settings.AWS_SECRET_ACCESS_KEY or None,
        location=settings.AWS_LOCATION,
        default_acl=None,
        querystring_auth=True,
        file_overwrite=False,
        object_parameters={"ContentType": "application/octet-stream"},
    )


@deconstructible
class PrivateEncryptedStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        kwargs["base_url"] = None
        super().__init__(**kwargs)
        self._remote_cache = None

    def get_valid_name(self, name):
        """A random name in place of the one given; the folder (the model's upload_to) stays."""
        return secrets.token_hex(16)

    # Without an explicit location the storage reads PRIVATE_MEDIA_ROOT at every use, so a
    # changed setting (a test's `settings` fixture, a rotation script) is simply followed.
    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def remote(self):
        """The object store when configured, else None (the local disk)."""
        if getattr(settings, "PRIVATE_STORAGE_BACKEND", "local") != "s3":
            return None
        key = (
            settings.AWS_STORAGE_BUCKET_NAME,
            settings.AWS_S3_ENDPOINT_URL,
            settings.AWS_LOCATION,
            settings.AWS_ACCESS_KEY_ID,
        )
        if self._remote_cache is None or self._remote_cache[0] != key:
            self._remote_cache = (key, _s3_storage())
        return self._remote_cache[1]

    def _save(self, name, content):
        content.seek(0)
        token = ContentFile(encrypt_bytes(content.read()))
        if (remote := self.remote) is not None:
            return remote._save(name, token)
        return super()._save(name, token)

    def _open(self, name, mode="rb"):
        if (remote := self.remote) is not None:
            with remote._open(name, "rb") as handle:
                data = decrypt_bytes(handle.read())
        else:
            with super()._open(name, "rb") as handle:
                data = decrypt_bytes(handle.read())
        return ContentFile(data, name=name)

    def exists(self, name):
        if (remote := self.remote) is not None:
            return remote.exists(name)
        return super().exists(name)

    def delete(self, name):
        if (remote := self.remote) is not None:
            return remote.delete(name)
        return super().delete(name)

    def size(self, name):
        if (remote := self.remote) is not None:
            return remote.size(name)
        return super().size(name)

    def listdir(self, path):
        if (remote := self.remote) is not None:
            return remote.listdir(path)
        return super().listdir(path)

    def get_modified_time(self, name):
        if (remote := self.remote) is not None:
            return remote.get_modified_time(name)
        return super().get_modified_time(name)

    def path(self, name):
        if self.remote is not None:
            raise NotImplementedError("Files in the object store have no local path.")
        return super().path(name)

    def url(self, name):
        raise NotImplementedError("Private files are only served through permission-checked views.")


private_storage = PrivateEncryptedStorage()
