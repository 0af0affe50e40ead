"""Login events are audited where Django announces them (no domain logic here)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .middleware import client_address_of
from .models import Action
from .services import audit_record


def _address(request):
    return client_address_of(request) if request is not None else None


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    audit_record(actor=user, action=Action.LOGIN, obj=user, client_address=_address(request))


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(actor=user, action=Action.LOGOUT, obj=user, client_address=_address(request))


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    # The attempted username is recorded as the actor label; never the password.
    audit_record(
        actor=None,
        actor_label=str(credentials.get("username", ""))[:150],
        action=Action.LOGIN_FAILED,
        object_type="auth.user",
        client_address=_address(request),
    )
