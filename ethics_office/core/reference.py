"""Reference data that migrations load, re-loadable after a flush (transactional tests, demo reloads)."""

import importlib

from django.contrib.auth.models import Group

from ethics_office.organisation.data import DUTY_STATIONS, ENTITIES
from ethics_office.organisation.models import DutyStation, Entity
from ethics_office.organisation.roles import Role


def ensure_reference_data() -> None:
    from advisory.models import AdviceCategory
    from advisory.services import roadmap_defaults_load
    from ethics_office.intake.models import ServiceCategory

    roadmap_defaults_load()
    if (
        Entity.objects.count() >= len(ENTITIES)
        and Group.objects.filter(name__in=Role.values).count() == len(Role)
        and ServiceCategory.objects.exists()
        and AdviceCategory.objects.exists()
    ):
        return
    for code, name, name_zh, group in ENTITIES:
        Entity.objects.update_or_create(
            code=code, defaults={"name": name, "name_zh": name_zh, "group": group}
        )
    for code, name, name_zh, hq in DUTY_STATIONS:
        DutyStation.objects.update_or_create(
            code=code, defaults={"name": name, "name_zh": name_zh, "headquarters": hq}
        )
    for role in Role.values:
        Group.objects.get_or_create(name=role)
    intake_categories = importlib.import_module("ethics_office.intake.migrations.0002_categories").CATEGORIES
    for code, label, label_zh, order in intake_categories:
        ServiceCategory.objects.update_or_create(
            code=code, defaults={"label": label, "label_zh": label_zh, "ordering": order}
        )
    advice_categories = importlib.import_module("advisory.migrations.0002_categories").CATEGORIES
    for code, label, label_zh, order, desc, desc_zh in advice_categories:
        AdviceCategory.objects.update_or_create(
            code=code,
            defaults={
                "label": label,
                "label_zh": label_zh,
                "ordering": order,
                "description": desc,
                "description_zh": desc_zh,
            },
        )
