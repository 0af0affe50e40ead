from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from . import auth_views as site_auth_views
from .forms import OutboxPasswordResetForm
from .i18n_views import LoginView
from .lockout import address_throttled, throttled_response


class PasswordResetView(auth_views.PasswordResetView):
    """Throttled per address like the sign-in forms (the e-mail itself goes the usual way)."""

    def post(self, request, *args, **kwargs):
        if address_throttled(request):
            return throttled_response(request)
        return super().post(request, *args, **kwargs)


urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("two-factor/", site_auth_views.two_factor, name="two-factor"),
    path("sessions/", site_auth_views.sessions, name="account-sessions"),
    path("passkeys/", include("ethics_office.site.passkey_urls", namespace="otp_webauthn")),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "password/reset/",
        PasswordResetView.as_view(form_class=OutboxPasswordResetForm),
        name="password_reset",
    ),
    path("password/reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("password_reset_complete")),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
