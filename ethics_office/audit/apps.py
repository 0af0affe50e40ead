from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "ethics_office.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from . import signals  # noqa: F401
