from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group

from ethics_office.audit.admin import AuditedAdminMixin, AuditedModelAdmin

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
    # Which account a staff record belongs to opens that person's cases: it changes only
    # through an access change request that a second person approves (/access/changes/).
    readonly_fields = ["user"]


User = get_user_model()
admin.site.unregister(User)
# Roles are the fixed groups of ethics_office.base.roles: not edited as such.
admin.site.unregister(Group)


@admin.register(User)
class AuditedUserAdmin(AuditedAdminMixin, UserAdmin):
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Personal info", {"fields": ["first_name", "last_name", "email"]}),
        ("Roles", {"fields": ["is_active", "groups", "is_staff", "is_superuser"]}),
    ]
    # Roles open case material: they change through access change requests that a second
    # person approves (/access/changes/), never by an administrator's edit alone.
    readonly_fields = ["groups", "is_superuser", "user_permissions", "last_login", "date_joined"]
