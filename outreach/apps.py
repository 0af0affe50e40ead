from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = _("Outreach, training and education")

    def ready(self):
        from ethics_office.base.registry import register_home_panels, register_nav
        from ethics_office.base.roles import Role

        from .panels import home_panels

        register_nav(_("Outreach"), "outreach-overview", [Role.OFFICER, Role.DIRECTOR], order=50)
        # Staff (and everyone else with a staff record) can ask for a session for their team.
        register_nav(_("Training requests"), "outreach-requests", [Role.STAFF, Role.FOCAL_POINT], order=55)
        register_home_panels(home_panels)
