from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "ethics_office.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from ethics_office.base.registry import register_home_panels, register_nav
        from ethics_office.base.roles import Role

        register_nav(_("Audit trail"), "audit-events", [Role.DIRECTOR], order=90)
        register_nav(_("My matters"), "my-matters", [Role.STAFF], order=5)
        from . import signals  # noqa: F401 — connects the sign-in receivers

        register_home_panels(_office_panels)
        from ethics_office.organisation.models import AccessChangeKind
        from ethics_office.organisation.services import register_access_change_applier

        from .second_factor import second_factor_remove

        register_access_change_applier(AccessChangeKind.SECOND_FACTOR_RESET, second_factor_remove)
        _limit_text_of_office_records()
        _home_panels_follow_changes()


def _home_panels_follow_changes():
    """The cached home panels' data version moves on at every write (see site.home_cache)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from ethics_office.audit.models import AuditEvent

    from . import home_cache

    post_save.connect(home_cache.on_model_change, dispatch_uid="home-panels-save")
    post_delete.connect(home_cache.on_model_change, dispatch_uid="home-panels-delete")
    m2m_changed.connect(home_cache.on_model_change, dispatch_uid="home-panels-m2m")
    post_save.connect(home_cache.on_audit_event, sender=AuditEvent, dispatch_uid="home-panels-audit")


def _limit_text_of_office_records():
    """Every text the office stores has a size limit, checked before any save (see base.limits)."""
    from django.apps import apps
    from django.conf import settings
    from django.db.models.signals import pre_save

    from ethics_office.base.limits import enforce_text_limits

    for config in apps.get_app_configs():
        if config.label in settings.TEXT_LIMITED_APPS:
            for model in config.get_models():
                pre_save.connect(
                    enforce_text_limits, sender=model, dispatch_uid=f"text-limits-{model._meta.label}"
                )


def _office_panels(user, roles):
    from urllib.parse import urlencode

    from django.urls import reverse

    from ethics_office.audit.models import Action, AuditEvent
    from ethics_office.audit.selectors import denials_alert
    from ethics_office.base.registry import HomePanel
    from ethics_office.base.roles import Role

    panels = []
    if Role.DIRECTOR in roles:
        failed = AuditEvent.objects.filter(action=Action.LOGIN_FAILED).count()
        panels.append(
            HomePanel(
                title=_("Failed logins recorded"),
                count=failed,
                url=reverse("audit-events") + "?action=login_failed",
            )
        )
        probing = denials_alert()
        if probing:
            panels.append(
                HomePanel(
                    title=_("Refused access: several refusals within an hour"),
                    count=len(probing),
                    url=reverse("audit-events") + "?action=denied",
                    items=[
                        (
                            _("%(actor)s: %(count)s refusals") % {"actor": actor or "?", "count": count},
                            reverse("audit-events") + "?" + urlencode({"action": "denied", "actor": actor}),
                        )
                        for actor, count in probing
                    ],
                )
            )
    if Role.ADMIN in roles and user.is_staff:
        panels.append(
            HomePanel(
                title=_("Reference data"),
                url=reverse("admin:index"),
                note=_("Entities, duty stations, categories and baseline figures."),
            )
        )
    return panels
