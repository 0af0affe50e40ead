"""Where Django and django-axes announce sign-in events, the site records them (no domain logic)."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from ethics_office.audit.middleware import client_address_of
from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.roles import clear_role_cache

from .lockout import address_failure_note
from .second_factor import MANDATORY_SESSION_KEY, second_factor_mandatory, sign_in_note
from .sessions import sessions_note, sign_in_record, sign_out_record


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    sign_in_record(request, user)
    if request is not None:
        sign_in_note(request, user)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    sign_out_record(request)


@receiver(user_login_failed)
def _failed(sender, credentials, request=None, **kwargs):
    if request is not None:
        address_failure_note(getattr(request, "_request", request))


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs):
    audit_record(
        actor=None,
        actor_label=str(username or "")[:150],
        action=Action.LOGIN_FAILED,
        object_type="auth.user",
        fields=["locked_out"],
        client_address=client_address_of(request) if request is not None else None,
    )


@receiver(m2m_changed, sender=get_user_model().groups.through)
def _roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    # A person given a role mid-session must give the second factor on their next request.
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    User = get_user_model()
    users = User.objects.filter(pk__in=pk_set or []) if reverse else [instance]
    for user in users:
        clear_role_cache(user)
        sessions_note(user, MANDATORY_SESSION_KEY, second_factor_mandatory(user))
