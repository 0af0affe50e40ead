from django.contrib import admin

from .models import Baseline, ReportSymbol
from .services import baseline_set, report_symbol_save


@admin.register(Baseline)
class BaselineAdmin(admin.ModelAdmin):
    """Administrators edit the totals of periods before case-level records (figure I)."""

    list_display = ["period", "metric", "value"]
    list_editable = ["value"]
    ordering = ["period"]

    def save_model(self, request, obj, form, change):
        saved = baseline_set(actor=request.user, period=obj.period, metric=obj.metric, value=obj.value)
        obj.pk = saved.pk


@admin.register(ReportSymbol)
class ReportSymbolAdmin(admin.ModelAdmin):
    """Administrators give each period's report its General Assembly symbol, session and agenda item."""

    list_display = ["period", "symbol", "session", "agenda_item", "issued"]
    ordering = ["-period"]

    def save_model(self, request, obj, form, change):
        report_symbol_save(actor=request.user, symbol=obj, fields=list(form.changed_data))
