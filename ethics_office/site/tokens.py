"""API tokens: random keys given once, kept only as SHA-256 digests, with idle and absolute expiry.

A token is refused (and deleted) once its owner's password or roles differ from those it was
issued under, so a password change or a role change revokes every token without a hook in
each place that can make one.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from rest_framework import authentication, exceptions

from ethics_office.base.roles import roles_of

from .models import ApiToken

KEYWORD = "Token"
# last_used is written at most this often, so reads stay reads.
_TOUCH_EVERY = timedelta(seconds=60)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _roles_fingerprint(user) -> str:
    return hashlib.sha256(",".join(sorted(roles_of(user))).encode("utf-8")).hexdigest()


@transaction.atomic
def api_token_issue(*, user) -> str:
    """A new token for this user; the key is returned once and never stored."""
    now = timezone.now()
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user,
        digest=_digest(key),
        created=now,
        last_used=now,
        expires=now + timedelta(seconds=settings.API_TOKEN_MAX_AGE_SECONDS),
        password_fingerprint=user.get_session_auth_hash(),
        roles_fingerprint=_roles_fingerprint(user),
    )
    return key


def api_token_revoke(*, key: str) -> bool:
    return ApiToken.objects.filter(digest=_digest(key)).delete()[0] > 0


def api_tokens_revoke_all(*, user) -> int:
    return ApiToken.objects.filter(user=user).delete()[0]


def token_user(key: str):
    """The user a live token belongs to, or None (and a dead token is deleted)."""
    if not key or len(key) > 200:
        return None, None
    token = ApiToken.objects.select_related("user").filter(digest=_digest(key)).first()
    if token is None:
        return None, None
    now = timezone.now()
    user = token.user
    idle = timedelta(seconds=settings.API_TOKEN_IDLE_SECONDS)
    if (
        not user.is_active
        or now >= token.expires
        or now - token.last_used >= idle
        or not secrets.compare_digest(token.password_fingerprint, user.get_session_auth_hash())
        or token.roles_fingerprint != _roles_fingerprint(user)
    ):
        token.delete()
        return None, None
    if now - token.last_used >= _TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return user, token


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Token <key>`, the same header as DRF's own token scheme."""

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        try:
            key = header[1].decode("ascii")
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(_("Invalid token header.")) from exc
        user, token = token_user(key)
        if user is None:
            raise exceptions.AuthenticationFailed(_("The token is invalid or has expired; sign in again."))
        return user, token

    def authenticate_header(self, request):
        return KEYWORD


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the token header."""

    target_class = "ethics_office.site.tokens.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(header_name="Authorization", token_prefix=KEYWORD)
