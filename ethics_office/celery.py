import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")

app = Celery("ethics_office")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _refuse_to_start_unconfigured(**kwargs):
    """A worker reads confidential fields: like the web process, it needs its own keys with DEBUG off."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    if settings.SECRET_KEY_EPHEMERAL:
        raise ImproperlyConfigured("SECRET_KEY must be set to run a worker with DEBUG off.")
    if settings.FIELD_ENCRYPTION_KEYS_MISSING:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS must be set to run a worker with DEBUG off.")
    if not settings.AUDIT_HMAC_KEYS:
        raise ImproperlyConfigured("AUDIT_HMAC_KEYS must be set to run a worker with DEBUG off.")
