"""The second-factor step (enrolment or code), and a person's own signed-in sessions."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_http_methods

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error

from . import second_factor as sf
from .lockout import address_throttled, lockout_response, throttled_response
from .sessions import sessions_end_all, sessions_of


class CodeForm(forms.Form):
    otp = forms.CharField(
        label=pgettext_lazy("second factor", "Code"),
        max_length=32,
        help_text=gettext_lazy("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return "/"


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Give the code of an enrolled authenticator, or enrol one (first sign-in or after a reset)."""
    user = request.user
    next_url = _next_url(request)
    # A staff member needs none, but may choose to enrol one (?enrol=1 from the sessions page).
    volunteering = not sf.second_factor_required(user) and (
        request.GET.get("enrol") or request.POST.get("enrol")
    )
    if (not sf.second_factor_required(user) and not volunteering) or sf.second_factor_verified(request):
        return redirect(next_url)
    if request.method == "POST" and address_throttled(request):
        return throttled_response(request)
    enrolled = sf.has_enrolled(user) and not volunteering
    form = CodeForm(request.POST or None)
    if enrolled:
        if request.method == "POST" and form.is_valid():
            device = sf.code_check(user, form.cleaned_data["otp"])
            if device is not None:
                sf.second_factor_login(request, device)
                audit_record(actor=user, action=Action.LOGIN, obj=user, fields=["second_factor"])
                return redirect(next_url)
            # Counted like a wrong password: django-axes locks the account, the audit trail records it.
            user_login_failed.send(
                sender=__name__, credentials={"username": user.get_username()}, request=request
            )
            if getattr(request, "axes_locked_out", False):
                logout(request)
                return lockout_response(request)
            form.add_error("otp", _("That code is not valid. Enter the code your authenticator shows now."))
        return render(
            request,
            "registration/two_factor.html",
            {"form": form, "next": next_url, "mode": "verify", "passkey": sf.has_passkey(user)},
        )

    device = sf.enrolment_start(actor=user)
    if request.method == "POST" and form.is_valid():
        try:
            codes = sf.enrolment_confirm(actor=user, request=request, code=form.cleaned_data["otp"])
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            return render(request, "registration/recovery_codes.html", {"codes": codes, "next": next_url})
    return render(
        request,
        "registration/two_factor.html",
        {
            "form": form,
            "next": next_url,
            "mode": "enrol",
            "volunteering": volunteering,
            "qr_svg": sf.qr_svg(device),
            "secret": sf.base32_secret(device),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sessions(request):
    """The person's signed-in sessions; signing out of all of them ends this one too."""
    if request.method == "POST":
        ended = sessions_end_all(actor=request.user)
        logout(request)
        messages.success(request, _("Signed out of %(count)s sessions.") % {"count": ended})
        return redirect("login")
    current = request.session.session_key
    rows = [{"session": s, "current": s.session_key == current} for s in sessions_of(request.user)]
    return render(
        request,
        "registration/sessions.html",
        {"rows": rows, "may_enrol": not sf.second_factor_required(request.user)},
    )
