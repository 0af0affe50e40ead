from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetaliationConfig(AppConfig):
    name = "retaliation"
    verbose_name = _("Protection against retaliation")
