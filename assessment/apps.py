from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "assessment"
    verbose_name = _("Ethics and reputational risk assessment")

    def ready(self):
        from ethics_office.base.registry import register_nav
        from ethics_office.base.roles import Role

        register_nav(
            _("Risk assessment"),
            "assessment-list",
            [Role.OFFICER, Role.DIRECTOR, Role.FOCAL_POINT],
            order=45,
        )
