"""Second factors (django-otp): who needs one, enrolment, verification, recovery codes, reset.

The cryptography is django-otp's (TOTP per RFC 6238, static recovery tokens); this module only
decides who must use it and records what happens.
"""

import base64
from urllib.parse import quote

import segno
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.roles import Role, roles_of
from ethics_office.organisation.models import AccessChangeKind
from ethics_office.organisation.services import access_change_request

from .sessions import session_key_changed, sign_out_everywhere

RECOVERY_CODE_COUNT = 10
ISSUER = "UN Ethics Office"


def second_factor_mandatory(user) -> bool:
    """Everyone beyond a staff member (and every Django-admin account) must have a second factor."""
    if user is None or not user.is_authenticated:
        return False
    return bool(roles_of(user) - {Role.STAFF}) or user.is_staff or user.is_superuser


def second_factor_required(user) -> bool:
    """Mandatory for the roles above; for a staff member once they have chosen to enrol one."""
    if second_factor_mandatory(user):
        return True
    if user is None or not user.is_authenticated:
        return False
    cached = getattr(user, "_second_factor_enrolled", None)
    if cached is None:
        cached = user._second_factor_enrolled = has_enrolled(user)
    return cached


# Set at sign-in for people who chose a second factor without needing one, so the check on every
# request costs no query.
ENROLLED_SESSION_KEY = "second_factor_enrolled"


def second_factor_verified(request) -> bool:
    """This session has given its second factor (django-otp's session key, set by otp_login).

    Trusting the session costs no query on each request; what could make the device stale (an
    administrator's reset) also ends every session of that person.
    """
    session = getattr(request, "session", None)
    return bool(session is not None and session.get(DEVICE_ID_SESSION_KEY))


MANDATORY_SESSION_KEY = "second_factor_mandatory"


def session_needs_second_factor(request) -> bool:
    """second_factor_required() for the signed-in user of this request, without a query per request.

    Both answers are noted in the session at sign-in; a change of roles updates the person's live
    sessions (signals.py), and the Django-admin flags are on the user row already loaded.
    """
    user = request.user
    if user.is_staff or user.is_superuser:
        return True
    mandatory = request.session.get(MANDATORY_SESSION_KEY)
    if mandatory is None:
        mandatory = request.session[MANDATORY_SESSION_KEY] = second_factor_mandatory(user)
    return bool(mandatory or request.session.get(ENROLLED_SESSION_KEY))


def sign_in_note(request, user) -> None:
    """At sign-in: note whether this person must, or chose to, give a second factor."""
    if not hasattr(request, "session"):
        return
    mandatory = second_factor_mandatory(user)
    request.session[MANDATORY_SESSION_KEY] = mandatory
    if not mandatory:
        request.session[ENROLLED_SESSION_KEY] = has_enrolled(user)


def totp_device_of(user, *, confirmed=True):
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def base32_secret(device: TOTPDevice) -> str:
    """The device's key as the base32 text authenticator apps take (without padding)."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def provisioning_uri(device: TOTPDevice) -> str:
    label = quote(f"{ISSUER}:{device.user.get_username()}")
    return f"otpauth://totp/{label}?secret={base32_secret(device)}&issuer={quote(ISSUER)}&digits={device.digits}&period={device.step}"


def qr_svg(device: TOTPDevice) -> str:
    """The provisioning URI as an inline SVG QR code (no script, no inline style: fine under the CSP)."""
    return segno.make(provisioning_uri(device), error="m").svg_inline(scale=5, border=2)


@transaction.atomic
def enrolment_start(*, actor) -> TOTPDevice:
    """The unconfirmed device an enrolling person scans; the same one until they confirm it."""
    device = totp_device_of(actor, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name="authenticator", confirmed=False)
    return device


@transaction.atomic
def enrolment_confirm(*, actor, request, code: str) -> list[str]:
    """Confirm the scanned device with its first code; returns the ten recovery codes (shown once)."""
    device = TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=False).order_by("pk").first()
    if device is None or not device.verify_token(_normalise(code)):
        raise ApplicationError(
            _("The code %(code)s does not match the authenticator; enter the six digits it shows now.")
            % {"code": code or "''"},
            field="otp",
        )
    TOTPDevice.objects.filter(user=actor, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _recovery_codes_replace(actor)
    otp_login(request, device)
    request.session[ENROLLED_SESSION_KEY] = True
    actor._second_factor_enrolled = True
    audit_record(actor=actor, action=Action.UPDATE, obj=actor, fields=["second_factor"])
    return codes


def _recovery_codes_replace(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _normalise(code) -> str:
    return "".join(str(code or "").split()).lower()


def code_check(user, code) -> object | None:
    """The device (authenticator or recovery codes) that accepts this code, or None."""
    token = _normalise(code)
    if not token or len(token) > 16:
        return None
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            if device.verify_token(token):
                return device
    return None


def second_factor_login(request, device) -> None:
    """Mark this session as having passed the second factor (a new session key, as at sign-in)."""
    old_key = request.session.session_key
    request.session.cycle_key()
    session_key_changed(old_key, request.session.session_key)
    otp_login(request, device)


def has_enrolled(user) -> bool:
    """An authenticator app or a passkey (recovery codes alone do not count)."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
    )


def has_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def second_factor_reset(*, actor, user, reason: str = ""):
    """An administrator asks for a person's second factors to be removed, so they enrol again at
    their next sign-in. A second person (another administrator or the Director) approves it on
    the access changes page; only then is anything removed (`second_factor_remove`).

    Never the person themselves: someone who has lost their authenticator (or stolen a
    password) must not be able to drop the second factor alone, nor one administrator
    acting alone for someone else.
    """
    if actor is None or not actor.is_authenticated or Role.ADMIN not in roles_of(actor):
        raise ApplicationError(_("Only an administrator can reset a second factor."))
    if actor.pk == user.pk:
        raise ApplicationError(
            _("You cannot reset your own second factor; another administrator must do it.")
        )
    return access_change_request(
        actor=actor,
        kind=AccessChangeKind.SECOND_FACTOR_RESET,
        user=user,
        reason=reason or _("The person has lost their authenticator."),
    )


@transaction.atomic
def second_factor_remove(*, actor, user) -> None:
    """Applied when a reset is approved: remove the devices, end sessions and tokens (audited)."""
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
    audit_record(
        actor=actor,
        action=Action.PERMISSION_CHANGE,
        obj=user,
        fields=["second_factor"],
        changes={"second_factor": ("enrolled", "reset")},
    )
    # A reset also ends what the old factor opened: signed-in sessions and API tokens.
    sign_out_everywhere(user)


def demo_enrol(user, base32: str) -> TOTPDevice:
    """Give a demo account an authenticator device with the published demo secret."""
    key = base64.b32decode(base32.upper() + "=" * (-len(base32) % 8)).hex()
    device, _created = TOTPDevice.objects.update_or_create(
        user=user, name="demo authenticator", defaults={"key": key, "confirmed": True}
    )
    return device


def demo_enrol_privileged(base32: str) -> list[str]:
    """Enrol every demo account that needs a second factor; returns their usernames."""
    from ethics_office.organisation.demo import DEMO_USERS

    names = [row[0] for row in DEMO_USERS]
    enrolled = []
    for user in get_user_model().objects.filter(username__in=names).order_by("username"):
        if second_factor_mandatory(user):
            demo_enrol(user, base32)
            enrolled.append(user.username)
    return enrolled
