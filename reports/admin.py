from django.contrib import admin

from .models import Baseline
from .services import baseline_set


@admin.register(Baseline)
class BaselineAdmin(admin.ModelAdmin):
    """Administrators edit the totals of periods before case-level records (figure I)."""

    list_display = ["period", "metric", "value"]
    list_editable = ["value"]
    ordering = ["period"]

    def save_model(self, request, obj, form, change):
        saved = baseline_set(actor=request.user, period=obj.period, metric=obj.metric, value=obj.value)
        obj.pk = saved.pk
