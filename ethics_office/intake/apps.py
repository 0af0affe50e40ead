from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "ethics_office.intake"
    label = "intake"
    verbose_name = _("Intake")

    def ready(self):
        from ethics_office.base.registry import register_reference_loader

        from .services import service_categories_load

        register_reference_loader(service_categories_load)
