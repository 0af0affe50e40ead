"""Admin support: every change made through the Django admin leaves an audit event, and
accounts' roles change there only as audited permission changes."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record

PERMISSION_FIELDS = {"groups", "user_permissions", "is_staff", "is_superuser", "is_active"}


class AuditedAdminMixin:
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changed = set(form.changed_data) if form is not None else set()
        audit_record(
            actor=request.user,
            action=Action.PERMISSION_CHANGE
            if changed & PERMISSION_FIELDS
            else (Action.UPDATE if change else Action.CREATE),
            obj=obj,
            fields=sorted(changed - {"password"}) + (["password"] if "password" in changed else []),
        )

    def delete_model(self, request, obj):
        audit_record(actor=request.user, action=Action.UPDATE, obj=obj, fields=["deleted"])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit_record(actor=request.user, action=Action.UPDATE, obj=obj, fields=["deleted"])
        super().delete_queryset(request, queryset)


class AuditedModelAdmin(AuditedAdminMixin, admin.ModelAdmin):
    pass


User = get_user_model()
admin.site.unregister(User)
# Roles are the fixed groups of ethics_office.organisation.roles: not edited as such.
admin.site.unregister(Group)


@admin.register(User)
class AuditedUserAdmin(AuditedAdminMixin, UserAdmin):
    filter_horizontal = ["groups"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Personal info", {"fields": ["first_name", "last_name", "email"]}),
        ("Roles", {"fields": ["is_active", "groups", "is_staff", "is_superuser"]}),
    ]
