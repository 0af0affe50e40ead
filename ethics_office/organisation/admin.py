from django.contrib import admin

from ethics_office.core.admin import AuditedModelAdmin

from .models import DutyStation, Entity, Person


@admin.register(Entity)
class EntityAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "name_zh", "group", "active"]
    list_filter = ["group", "active"]
    search_fields = ["code", "name", "name_zh"]


@admin.register(DutyStation)
class DutyStationAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "name_zh", "headquarters"]
    list_filter = ["headquarters"]


@admin.register(Person)
class PersonAdmin(AuditedModelAdmin):
    list_display = ["index_number", "name", "grade", "entity", "duty_station", "user"]
    list_filter = ["grade", "entity__group"]
    search_fields = ["index_number", "name", "email"]
    list_select_related = ["entity", "duty_station", "user"]
    raw_id_fields = ["user"]
