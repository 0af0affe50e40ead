from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "ethics_office.outbox"
    label = "outbox"
    verbose_name = _("Outbox")

    def ready(self):
        from ethics_office.base.registry import register_nav
        from ethics_office.base.roles import Role

        register_nav(_("Outbox"), "outbox-messages", [Role.OFFICER, Role.DIRECTOR, Role.ADMIN], order=90)
