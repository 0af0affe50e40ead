from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from ethics_office.base.registry import register_nav
        from ethics_office.base.roles import Role

        register_nav(_("Annual report"), "reports-index", [Role.ADMIN, Role.DIRECTOR], order=90)
        register_nav(_("Import records"), "reports-import", [Role.ADMIN], order=95)
