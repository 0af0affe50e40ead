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

        from django.db.models.signals import post_save

        from ethics_office.organisation.models import Entity, Person

        from .services.sortkeys import filer_sort_keys_refresh

        # A person's name or an entity's code changed anywhere: the filers' sort keys follow.
        post_save.connect(
            lambda instance, **kw: filer_sort_keys_refresh(person_ids=[instance.pk]),
            sender=Person,
            weak=False,
            dispatch_uid="disclosure-filer-sort-person",
        )
        post_save.connect(
            lambda instance, **kw: filer_sort_keys_refresh(entity_ids=[instance.pk]),
            sender=Entity,
            weak=False,
            dispatch_uid="disclosure-filer-sort-entity",
        )
