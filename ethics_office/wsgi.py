import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402

if settings.SECRET_KEY_EPHEMERAL:
    raise ImproperlyConfigured("SECRET_KEY must be set to serve the application with DEBUG off.")
if settings.FIELD_ENCRYPTION_KEYS_MISSING:
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS must be set to serve the application with DEBUG off "
        "(the demo key in settings.py is public)."
    )
if not settings.AUDIT_HMAC_KEYS:
    raise ImproperlyConfigured("AUDIT_HMAC_KEYS must be set to serve the application with DEBUG off.")
