"""Passkeys (WebAuthn) as a second kind of second factor: django-otp-webauthn's views, with sign-in
completed the way the code step completes it (a new session key, an audit event)."""

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views as webauthn

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record

from .sessions import session_key_changed

app_name = "otp_webauthn"  # the library's template tags reverse these names


class CompletePasskeyAuthentication(webauthn.CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        old_key = self.request.session.session_key
        self.request.session.cycle_key()
        session_key_changed(old_key, self.request.session.session_key)
        super().complete_auth(device)
        audit_record(
            actor=self.request.user,
            action=Action.LOGIN,
            obj=self.request.user,
            fields=["passkey", "second_factor"],
        )


class CompletePasskeyRegistration(webauthn.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            audit_record(
                actor=self.request.user, action=Action.UPDATE, obj=self.request.user, fields=["passkey"]
            )
        return response


urlpatterns = [
    path(
        "registration/begin/",
        webauthn.BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        CompletePasskeyRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        webauthn.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompletePasskeyAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]
