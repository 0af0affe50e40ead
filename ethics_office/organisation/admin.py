from django.contrib import admin

from .models import DutyStation, Entity, Person


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "group", "active"]
    list_filter = ["group", "active"]
    search_fields = ["code", "name", "name_zh"]


@admin.register(DutyStation)
class DutyStationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "headquarters"]
    list_filter = ["headquarters"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["index_number", "name", "grade", "entity", "duty_station", "user"]
    list_filter = ["grade", "entity__group"]
    search_fields = ["index_number", "name", "email"]
    list_select_related = ["entity", "duty_station", "user"]
    raw_id_fields = ["user"]
