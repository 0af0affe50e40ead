from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from ethics_office.audit.models import AuditEvent

        from . import cache

        # Any write to a row the report counts moves the report's data version on.
        post_save.connect(cache.on_model_change, dispatch_uid="reports-data-changed-save")
        post_delete.connect(cache.on_model_change, dispatch_uid="reports-data-changed-delete")
        post_save.connect(cache.on_audit_event, sender=AuditEvent, dispatch_uid="reports-data-imported")
        from ethics_office.base.registry import register_nav
        from ethics_office.base.roles import Role

        register_nav(_("Annual report"), "reports-index", [Role.ADMIN, Role.DIRECTOR], order=90)
        register_nav(_("Import records"), "reports-import", [Role.ADMIN], order=95)
