from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "ethics_office.outbox"
    label = "outbox"
    verbose_name = _("Outbox")
