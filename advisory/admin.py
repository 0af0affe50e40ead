from django.contrib import admin

from ethics_office.audit.admin import AuditedModelAdmin

from .models import AdviceCategory


@admin.register(AdviceCategory)
class AdviceCategoryAdmin(AuditedModelAdmin):
    """Reference data: the category labels and the plain descriptions staff read on "Ask for advice"."""

    list_display = ["code", "label", "label_zh", "ordering", "active"]
    readonly_fields = ["code"]

    def has_delete_permission(self, request, obj=None):
        # The records spec's codes must always exist (imports and the annual report use them).
        return False
