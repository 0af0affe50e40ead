"""The organisation's reference data (entities, duty stations, role groups), re-loadable after a flush."""

from django.contrib.auth.models import Group

from ethics_office.base.roles import Role

from .data import DUTY_STATIONS, ENTITIES
from .models import DutyStation, Entity


def organisation_reference_load() -> None:
    if (
        Entity.objects.count() >= len(ENTITIES)
        and DutyStation.objects.count() >= len(DUTY_STATIONS)
        and Group.objects.filter(name__in=Role.values).count() == len(Role)
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
