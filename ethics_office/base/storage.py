"""Private, encrypted file storage for case attachments.

Files live under PRIVATE_MEDIA_ROOT (outside the web root, never served by a URL of
their own); their bytes are Fernet-encrypted on disk and decrypted when opened
through a permission-checked view. On disk a file has a random name: the name a person
gave it ("complaint-against-J-Smith.pdf") says too much, so models keep it encrypted.
"""

import os
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from .crypto import decrypt_bytes, encrypt_bytes


@deconstructible
class PrivateEncryptedStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        kwargs["base_url"] = None
        super().__init__(**kwargs)

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

    def _save(self, name, content):
        content.seek(0)
        token = encrypt_bytes(content.read())
        return super()._save(name, ContentFile(token))

    def _open(self, name, mode="rb"):
        with super()._open(name, "rb") as handle:
            data = decrypt_bytes(handle.read())
        return ContentFile(data, name=name)

    def url(self, name):
        raise NotImplementedError("Private files are only served through permission-checked views.")


private_storage = PrivateEncryptedStorage()
