"""Sign-in records of the site shell: API tokens (stored as digests) and browser sessions."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """One API token. Only the SHA-256 digest of the key is stored; the key is shown once.

    A token dies when it has been idle too long, when it reaches its absolute age, when the
    password or the roles it was issued under change (fingerprints below), or at logout.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(_("created"))
    last_used = models.DateTimeField(_("last used"))
    expires = models.DateTimeField(_("expires"))
    password_fingerprint = models.CharField(max_length=128)
    roles_fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"token {self.pk} of {self.user_id}"


class SignInSession(models.Model):
    """A browser session a person signed in with, so they can see and end them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_ins")
    session_key = models.CharField(max_length=40, unique=True)
    created = models.DateTimeField(_("signed in"))
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")

    def __str__(self):
        return f"session of {self.user_id} since {self.created:%Y-%m-%d %H:%M}"


class AccountSecurity(get_user_model()):
    """The administrators' page for second factors and lockouts (a view of the user table)."""

    class Meta:
        proxy = True
        verbose_name = _("account security")
        verbose_name_plural = _("account security")
