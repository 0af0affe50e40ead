"""API plumbing: one error shape, token login, who-am-I."""

from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from ethics_office.organisation.roles import roles_of
from ethics_office.organisation.selectors import person_of

from .errors import ApplicationError, ValidationFailed

ERROR_SHAPE = inline_serializer(
    "Error",
    {
        "error": inline_serializer(
            "ErrorBody",
            {
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "fields": serializers.DictField(child=serializers.ListField(child=serializers.CharField())),
            },
        )
    },
)
ERROR_RESPONSES = {
    400: OpenApiResponse(ERROR_SHAPE, description="Invalid input"),
    401: OpenApiResponse(ERROR_SHAPE, description="Not authenticated"),
    403: OpenApiResponse(ERROR_SHAPE, description="Not allowed"),
    404: OpenApiResponse(ERROR_SHAPE, description="Not found (or not yours to know about)"),
}


def _error(code: str, message, fields: dict | None = None, http_status: int = 400, headers=None):
    body = {"error": {"code": code, "message": str(message), "fields": fields or {}}}
    return Response(body, status=http_status, headers=headers)


def _flatten(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        out: dict[str, list[str]] = {}
        for key, value in detail.items():
            if isinstance(value, dict):
                for sub, msgs in _flatten(value).items():
                    out[f"{key}.{sub}"] = msgs
            else:
                out[key] = [str(v) for v in (value if isinstance(value, list) else [value])]
        return out
    return {"non_field_errors": [str(v) for v in (detail if isinstance(detail, list) else [detail])]}


def exception_handler(exc, context):
    """Every API error answers {"error": {"code", "message", "fields"}}."""
    if isinstance(exc, ValidationFailed):
        return _error(exc.code, exc.message, exc.errors)
    if isinstance(exc, ApplicationError):
        fields = {exc.field: [str(exc.message)]} if exc.field else {}
        return _error(exc.code, exc.message, fields)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        return _error("invalid", _("The input is not valid."), _flatten(exc.detail), response.status_code)
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    headers = {k: v for k, v in response.headers.items() if k in ("WWW-Authenticate", "Retry-After")}
    return _error(code, detail, None, response.status_code, headers)


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class ObtainTokenView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: ERROR_RESPONSES[400],
        },
    )
    def post(self, request):
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        # authenticate() sends user_login_failed on a bad password, which the audit trail records.
        user = authenticate(
            request, username=data.validated_data["username"], password=data.validated_data["password"]
        )
        if user is None or not user.is_active:
            return _error("invalid_credentials", _("Unable to log in with the given username and password."))
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key}, status=status.HTTP_200_OK)


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
