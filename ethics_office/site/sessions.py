"""Signed-in browser sessions: recorded at sign-in, listed for their owner, ended together."""

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from ethics_office.audit.middleware import client_address_of
from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record

from .models import ApiToken, SignInSession


def sign_in_record(request, user) -> None:
    """Remember the session a person just signed in with (Django has already given it a new key)."""
    if request is None or not hasattr(request, "session"):
        return
    if request.session.session_key is None:
        request.session.save()
    SignInSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": user,
            "created": timezone.now(),
            "client_address": client_address_of(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
        },
    )


def session_key_changed(old_key, new_key) -> None:
    if old_key and new_key and old_key != new_key:
        SignInSession.objects.filter(session_key=old_key).update(session_key=new_key)


def sign_out_record(request) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        SignInSession.objects.filter(session_key=key).delete()


def sessions_note(user, key: str, value) -> None:
    """Write one flag into every live session of this person (e.g. after their roles changed)."""
    from importlib import import_module

    from django.conf import settings

    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    for session_key in SignInSession.objects.filter(user=user).values_list("session_key", flat=True):
        store = store_class(session_key=session_key)
        if store.exists(session_key):
            store[key] = value
            store.save()


def sessions_of(user):
    """The person's sessions that are still alive, newest first."""
    live = Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")
    return SignInSession.objects.filter(user=user, session_key__in=live).order_by("-created")


def _forget_cached(keys) -> None:
    """With cached_db sessions (REDIS_URL set) a session also lives in the cache, where it would
    outlive its deleted row: each store deletes its own copy."""
    from importlib import import_module

    from django.conf import settings

    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.db":
        return
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store_class(session_key=key).delete(key)


def sign_out_everywhere(user) -> int:
    """End every browser session and API token of this person. Returns how many sessions ended."""
    with transaction.atomic():
        keys = list(SignInSession.objects.filter(user=user).values_list("session_key", flat=True))
        Session.objects.filter(session_key__in=keys).delete()
        _forget_cached(keys)
        SignInSession.objects.filter(user=user).delete()
        ApiToken.objects.filter(user=user).delete()
    return len(keys)


@transaction.atomic
def sessions_end_all(*, actor) -> int:
    ended = sign_out_everywhere(actor)
    audit_record(actor=actor, action=Action.LOGOUT, obj=actor, fields=["all_sessions"])
    return ended
