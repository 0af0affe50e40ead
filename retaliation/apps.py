from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetaliationConfig(AppConfig):
    name = "retaliation"
    verbose_name = _("Protection against retaliation")

    def ready(self):
        from ethics_office.base.registry import register_home_panels, register_nav
        from ethics_office.base.roles import Role

        from .panels import home_panels

        register_nav(
            _("Retaliation"), "retaliation-list", roles=[Role.STAFF, Role.OFFICER, Role.DIRECTOR], order=30
        )
        register_home_panels(home_panels)
