"""Reference data that migrations load, re-loadable after a flush (transactional tests, demo reloads)."""

import importlib

from django.contrib.auth.models import Group

from ethics_office.organisation.data import DUTY_STATIONS, ENTITIES
from ethics_office.organisation.models import DutyStation, Entity
from ethics_office.organisation.roles import Role


def ensure_reference_data() -> None:
    if Entity.objects.count() >= len(ENTITIES) and Group.objects.filter(name__in=Role.values).count() == len(
        Role
    ):
        from ethics_office.intake.models import ServiceCategory

        if ServiceCategory.objects.exists():
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
    for code, label, label_zh, order in importlib.import_module(
        "ethics_office.intake.migrations.0002_categories"
    ).CATEGORIES:
        ServiceCategory.objects.update_or_create(
            code=code, defaults={"label": label, "label_zh": label_zh, "ordering": order}
        )
    from advisory.models import AdviceCategory

    for code, label, label_zh, order, desc, desc_zh in importlib.import_module(
        "advisory.migrations.0002_categories"
    ).CATEGORIES:
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
