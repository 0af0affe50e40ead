"""The site's own API: token sign-in and who-am-I."""

from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ethics_office.base.api import ERROR_RESPONSES, ERROR_SHAPE, error_response
from ethics_office.base.roles import roles_of
from ethics_office.organisation.selectors import person_of

from .lockout import AnonymousThrottle, SignInThrottle, address_throttled, lockout_response
from .second_factor import code_check, has_enrolled, second_factor_required
from .tokens import api_token_issue, api_token_revoke


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False, max_length=4096)
    otp = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=32,
        help_text="The six-digit code of the authenticator app, or a recovery code. Required for every role beyond staff member.",
    )


class ObtainTokenView(APIView):
    """A new token (shown once) for username, password and, where the role needs one, a second-factor code."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [SignInThrottle, AnonymousThrottle]
    throttle_scope = "sign_in"

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: ERROR_RESPONSES[400],
            429: OpenApiResponse(
                ERROR_SHAPE, description="Too many attempts: the account is locked or the address throttled"
            ),
        },
    )
    def post(self, request):
        django_request = request._request
        if address_throttled(django_request):
            return error_response(
                "throttled",
                _("Too many failed sign-in attempts from your network. Wait a few minutes and try again."),
                http_status=429,
            )
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        username = data.validated_data["username"]
        # authenticate() sends user_login_failed on a bad password, which the audit trail records
        # and django-axes counts towards the account's lockout.
        user = authenticate(django_request, username=username, password=data.validated_data["password"])
        if getattr(django_request, "axes_locked_out", False):
            return lockout_response(django_request)
        if user is None or not user.is_active:
            return error_response(
                "invalid_credentials", _("Unable to log in with the given username and password.")
            )
        if second_factor_required(user):
            code = data.validated_data.get("otp", "")
            if not has_enrolled(user):
                return error_response(
                    "second_factor_not_enrolled",
                    _("This account has no authenticator yet: sign in once in the browser to set one up."),
                    fields={"otp": [_("No authenticator is enrolled for this account.")]},
                )
            if not code or code_check(user, code) is None:
                user_login_failed.send(
                    sender=__name__, credentials={"username": username}, request=django_request
                )
                if getattr(django_request, "axes_locked_out", False):
                    return lockout_response(django_request)
                message = (
                    _("This account needs a second-factor code.")
                    if not code
                    else _(
                        "The code is not valid; give the code the authenticator shows now, or a recovery code."
                    )
                )
                return error_response("second_factor_required", message, fields={"otp": [message]})
        return Response({"token": api_token_issue(user=user)}, status=status.HTTP_200_OK)


class RevokeTokenView(APIView):
    """Log out: the token this request carries stops working."""

    @extend_schema(
        request=None, responses={204: None, **{k: v for k, v in ERROR_RESPONSES.items() if k == 401}}
    )
    def post(self, request):
        from .tokens import KEYWORD

        header = request.META.get("HTTP_AUTHORIZATION", "").split()
        if len(header) == 2 and header[0].lower() == KEYWORD.lower():
            api_token_revoke(key=header[1])
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    @extend_schema(
        responses={
            200: inline_serializer(
                "Me",
                {
                    "username": serializers.CharField(),
                    "roles": serializers.ListField(child=serializers.CharField()),
                    "person": serializers.DictField(allow_null=True),
                },
            ),
            **{k: v for k, v in ERROR_RESPONSES.items() if k in (401, 403)},
        }
    )
    def get(self, request):
        person = person_of(request.user)
        return Response(
            {
                "username": request.user.get_username(),
                "roles": sorted(roles_of(request.user)),
                "person": None
                if person is None
                else {
                    "index_number": person.index_number,
                    "name": person.name,
                    "grade": person.grade,
                    "entity": person.entity.code,
                    "duty_station": person.duty_station.code,
                },
            }
        )


class ApiDocsView(SpectacularSwaggerSplitView):
    """Swagger UI under the content-security policy: no inline script (the initialisation is
    served from the same URL with ?script), the page's own style carries the nonce."""

    template_name = "api_docs.html"
