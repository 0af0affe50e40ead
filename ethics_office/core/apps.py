from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "ethics_office.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from ethics_office.organisation.roles import Role

        from .registry import register_nav

        register_nav(_("Audit trail"), "audit-events", [Role.DIRECTOR], order=90)
