from django.contrib import admin

from ethics_office.audit.admin import AuditedModelAdmin

from .models import ServiceCategory


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(AuditedModelAdmin):
    list_display = ["code", "label", "label_zh", "ordering"]
