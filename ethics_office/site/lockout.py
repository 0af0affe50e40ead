"""Lockout (django-axes, per account) and throttling (per address, across accounts).

django-axes locks an account after AXES_FAILURE_LIMIT failures in a row (password or second
factor) for AXES_COOLOFF_TIME; an address is never locked for everybody behind it. Failures
from one address across many accounts are throttled instead: past AUTH_ADDRESS_FAILURE_LIMIT
in the window every sign-in form from that address answers 429 until the window ends.
"""

import time

from axes.backends import AxesStandaloneBackend
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle

from ethics_office.audit.middleware import client_address_of
from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.roles import Role, roles_of


class LockoutBackend(AxesStandaloneBackend):
    """Axes's lockout check for every sign-in that comes with a request.

    authenticate() without a request (management commands, the test client's login()) has
    no client to lock out and passes on to the next backend.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def _window_key(scope: str, address: str | None) -> str:
    window = int(time.time() // settings.AUTH_ADDRESS_WINDOW_SECONDS)
    return f"auth-throttle:{scope}:{address or 'unknown'}:{window}"


def address_failure_count(request) -> int:
    return cache.get(_window_key("failures", client_address_of(request)), 0)


def address_failure_note(request) -> None:
    key = _window_key("failures", client_address_of(request))
    if not cache.add(key, 1, settings.AUTH_ADDRESS_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, settings.AUTH_ADDRESS_WINDOW_SECONDS)


def address_throttled(request) -> bool:
    """Too many failed sign-ins from this address (across all accounts) in the current window."""
    return address_failure_count(request) >= settings.AUTH_ADDRESS_FAILURE_LIMIT


def throttled_response(request):
    message = _("Too many failed sign-in attempts from your network. Wait a few minutes and try again.")
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "throttled", "message": message, "fields": {}}}, status=429)
    return render(request, "registration/throttled.html", {"message": message}, status=429)


def lockout_response(request, original_response=None, credentials=None):
    """What django-axes answers for a locked account: the API's error shape or a page."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "This account is locked after too many failed sign-in attempts. Try again in %(minutes)s "
        "minutes, or ask an administrator to unlock it."
    ) % {"minutes": minutes}
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "locked_out", "message": message, "fields": {}}}, status=429)
    return render(request, "registration/locked_out.html", {"message": message}, status=429)


@transaction.atomic
def account_unlock(*, actor, user) -> int:
    """An administrator clears an account's failed attempts before the cool-off ends."""
    if actor is None or not actor.is_authenticated or Role.ADMIN not in roles_of(actor):
        raise ApplicationError(_("Only an administrator can unlock an account."))
    if actor.pk == user.pk:
        raise ApplicationError(_("You cannot unlock your own account; another administrator must do it."))
    cleared = axes_reset(username=user.get_username())
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=user,
        fields=["lockout"],
        changes={"lockout": ("locked" if cleared else "not locked", "unlocked")},
    )
    return cleared


class _AddressIdent:
    def get_ident(self, request):
        return client_address_of(request) or "unknown"


class SignInThrottle(_AddressIdent, ScopedRateThrottle):
    """Rate of sign-in calls per address (the token endpoint's scope is "sign_in")."""


class AnonymousThrottle(_AddressIdent, SimpleRateThrottle):
    """Unauthenticated API calls per address."""

    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
