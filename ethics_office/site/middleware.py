"""A signed-in person who needs a second factor reaches nothing else until they have given it."""

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .second_factor import second_factor_verified, session_needs_second_factor

# Names of the pages a person may reach between the password and the second factor.
_OPEN_URL_NAMES = (
    "two-factor",
    "logout",
    "login",
    "set_language",
    "healthz",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
)


class SecondFactorRequiredMiddleware:
    """After AuthenticationMiddleware. Pages redirect to the second-factor step; the API answers 403."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def _open(self, path: str) -> bool:
        if self._open_paths is None:
            self._open_paths = tuple(reverse(name) for name in _OPEN_URL_NAMES)
        return path in self._open_paths or path.startswith(settings.STATIC_URL)

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and not hasattr(user, "is_verified"):
            # What django-otp's OTPMiddleware offers (django-otp-webauthn asks for it), answered from
            # the session without loading the device on every request.
            user.is_verified = functools.partial(second_factor_verified, request)
        if (
            user is not None
            and user.is_authenticated
            and not self._open(request.path_info)
            and session_needs_second_factor(request)
            and not second_factor_verified(request)
        ):
            if request.path_info.startswith("/api/"):
                return JsonResponse(
                    {
                        "error": {
                            "code": "second_factor_required",
                            "message": _(
                                "This account needs its second factor: sign in again with your code."
                            ),
                            "fields": {},
                        }
                    },
                    status=403,
                )
            return HttpResponseRedirect(
                reverse("two-factor") + "?" + urlencode({"next": request.get_full_path()})
            )
        return self.get_response(request)
