"""Reference data only: risks and questionnaires. Responses have no admin (nothing to look up by)."""

from django.contrib import admin

from ethics_office.audit.admin import AuditedModelAdmin

from .models import Instrument, Risk


@admin.register(Risk)
class RiskAdmin(AuditedModelAdmin):
    list_display = ["code", "category"]
    search_fields = ["code"]


@admin.register(Instrument)
class InstrumentAdmin(AuditedModelAdmin):
    list_display = ["code", "version", "frozen"]
    readonly_fields = ["frozen"]
