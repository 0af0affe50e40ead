"""Account security for administrators: reset a second factor, unlock an account (both audited)."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from ethics_office.base.errors import ApplicationError
from ethics_office.base.roles import Role

from .lockout import account_unlock
from .models import AccountSecurity
from .second_factor import second_factor_reset

# Devices change only through the audited actions below, never through django-otp's own admin.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(AccountSecurity)
class AccountSecurityAdmin(admin.ModelAdmin):
    list_display = ["username", "needs_second_factor", "enrolled", "locked"]
    search_fields = ["username", "email"]
    actions = ["reset_second_factor", "unlock"]
    fields = ["username"]
    readonly_fields = ["username"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def get_queryset(self, request):
        # One query for the whole list: the three columns are annotations, not per-row lookups.
        since = timezone.now() - settings.AXES_COOLOFF_TIME
        failures = (
            AccessAttempt.objects.filter(username=OuterRef("username"), attempt_time__gte=since)
            .values("username")
            .annotate(total=Sum("failures_since_start"))
            .values("total")
        )
        privileged = Group.objects.filter(
            user=OuterRef("pk"), name__in=[r for r in Role.values if r != Role.STAFF]
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                _privileged=Exists(privileged),
                _enrolled=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
                | Exists(WebAuthnCredential.objects.filter(user=OuterRef("pk"), confirmed=True)),
                _failures=Coalesce(Subquery(failures), 0),
            )
        )

    @admin.display(boolean=True, description=_("needs a second factor"))
    def needs_second_factor(self, obj):
        return obj._privileged or obj.is_staff or obj.is_superuser or obj._enrolled

    @admin.display(boolean=True, description=_("authenticator enrolled"))
    def enrolled(self, obj):
        return obj._enrolled

    @admin.display(boolean=True, description=_("locked out"))
    def locked(self, obj):
        return obj._failures >= settings.AXES_FAILURE_LIMIT

    def _each(self, request, queryset, service, done_message):
        for user in queryset:
            try:
                service(actor=request.user, user=user)
            except ApplicationError as exc:
                self.message_user(request, f"{user.username}: {exc.message}", messages.ERROR)
            else:
                self.message_user(request, done_message % {"user": user.username}, messages.SUCCESS)

    @admin.action(
        description=_("Ask to reset the second factor (another administrator or the Director approves)")
    )
    def reset_second_factor(self, request, queryset):
        self._each(
            request,
            queryset,
            second_factor_reset,
            _("%(user)s: reset asked; it applies once another person approves it under Access changes."),
        )

    @admin.action(description=_("Unlock the account"))
    def unlock(self, request, queryset):
        self._each(request, queryset, account_unlock, _("%(user)s: unlocked."))
