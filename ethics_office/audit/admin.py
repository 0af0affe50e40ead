"""Admin support: every change made through the Django admin leaves an audit event; a change to
an account's roles or flags is recorded as a permission change."""

from django.contrib import admin

from .models import Action
from .services import audit_record

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
