from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PanelConfig(AppConfig):
    name = "panel"
    verbose_name = _("Ethics Panel of the United Nations")

    def ready(self):
        from ethics_office.base.registry import register_home_panels, register_nav
        from ethics_office.base.roles import Role

        from .panels import home_panels

        register_nav(_("Ethics Panel"), "panel-meetings", [Role.OFFICER, Role.DIRECTOR, Role.PANEL], order=60)
        register_home_panels(home_panels)
