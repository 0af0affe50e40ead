from django.contrib import admin

from ethics_office.audit.admin import AuditedModelAdmin

from .models import LegalHold, RetentionSchedule, Tombstone
from .services import legal_hold_lift, legal_hold_place, retention_schedule_update


@admin.register(RetentionSchedule)
class RetentionScheduleAdmin(admin.ModelAdmin):
    """Administrators set how many years each record type is kept; every change is audited."""

    list_display = ["record_type", "years", "counted_from", "updated_at"]
    fields = ["record_type", "years", "counted_from"]

    def get_readonly_fields(self, request, obj=None):
        # The event a period counts from belongs to the record type; only the years change.
        return ["record_type", "counted_from"] if obj else ["counted_from"]

    def save_model(self, request, obj, form, change):
        schedule = retention_schedule_update(actor=request.user, record_type=obj.record_type, years=obj.years)
        obj.pk, obj.counted_from = schedule.pk, schedule.counted_from

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LegalHold)
class LegalHoldAdmin(admin.ModelAdmin):
    list_display = ["record_type", "object_id", "placed_by", "placed_at", "lifted_at"]
    fields = ["record_type", "object_id", "reason", "lift_reason"]

    def get_readonly_fields(self, request, obj=None):
        return ["record_type", "object_id", "reason"] if obj else ["lift_reason"]

    def save_model(self, request, obj, form, change):
        if change:
            legal_hold_lift(actor=request.user, hold_id=obj.pk, reason=obj.lift_reason)
        else:
            hold = legal_hold_place(
                actor=request.user, record_type=obj.record_type, object_id=obj.object_id, reason=obj.reason
            )
            obj.pk = hold.pk

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Tombstone)
class TombstoneAdmin(AuditedModelAdmin):
    list_display = ["record_type", "object_id", "reference", "purged_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
