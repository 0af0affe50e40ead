from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisoryConfig(AppConfig):
    name = "advisory"
    verbose_name = _("Advice and guidance")

    def ready(self):
        from ethics_office.base.registry import register_home_panels, register_nav, register_reference_loader
        from ethics_office.base.roles import Role

        from .panels import home_panels
        from .services.library import advice_categories_load

        register_reference_loader(advice_categories_load)
        everyone = list(Role.values)
        office = [Role.OFFICER, Role.DIRECTOR]
        register_nav(_("Ask for advice"), "advisory-ask", [Role.STAFF], order=10)
        register_nav(_("My requests"), "advisory-my-requests", [Role.STAFF], order=11)
        register_nav(_("Advice queue"), "advisory-queue", office, order=20)
        register_nav(_("Precedents"), "advisory-precedents", office, order=21)
        register_nav(_("Roadmap"), "advisory-roadmap", everyone, order=80)
        register_home_panels(home_panels)
