from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "ethics_office.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from ethics_office.base.registry import register_nav, register_reference_loader
        from ethics_office.base.roles import Role

        from .reference import organisation_reference_load

        register_reference_loader(organisation_reference_load)
        register_nav(_("Access changes"), "access-changes", [Role.ADMIN, Role.DIRECTOR], order=92)
