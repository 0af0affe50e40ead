from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("Financial disclosure")

    def ready(self):
        from ethics_office.base.registry import register_home_panels, register_nav
        from ethics_office.base.roles import Role

        from .panels import home_panels

        register_nav(
            _("Financial disclosure"),
            "disclosure-index",
            [Role.STAFF, Role.OFFICER, Role.DIRECTOR, Role.FOCAL_POINT, Role.REVIEWER],
            order=20,
        )
        register_nav(
            _("Disclosure compliance"),
            "disclosure-compliance",
            [Role.OFFICER, Role.DIRECTOR, Role.FOCAL_POINT],
            order=21,
        )
        register_nav(_("Conflicts register"), "disclosure-conflicts", [Role.OFFICER, Role.DIRECTOR], order=22)
        register_nav(
            _("Non-compliance notices"),
            "disclosure-notices",
            [Role.OFFICER, Role.DIRECTOR, Role.FOCAL_POINT],
            order=23,
        )
        register_home_panels(home_panels)
