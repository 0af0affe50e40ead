"""API plumbing: one error shape for every endpoint, and the responses the schema declares."""

import io

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

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


def error_response(code: str, message, fields: dict | None = None, http_status: int = 400, headers=None):
    body = {"error": {"code": code, "message": str(message), "fields": fields or {}}}
    return Response(body, status=http_status, headers=headers)


def _flatten(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        out: dict[str, list[str]] = {}
        for key, value in detail.items():
            if isinstance(value, dict):
                for sub, msgs in _flatten(value).items():
                    # A list's own error ("no more than 10 elements") belongs to the list's field.
                    out[key if sub == "non_field_errors" else f"{key}.{sub}"] = msgs
            else:
                out[key] = [str(v) for v in (value if isinstance(value, list) else [value])]
        return out
    return {"non_field_errors": [str(v) for v in (detail if isinstance(detail, list) else [detail])]}


def exception_handler(exc, context):
    """Every API error answers {"error": {"code", "message", "fields"}}."""
    if isinstance(exc, ValidationFailed):
        return error_response(exc.code, exc.message, exc.errors)
    if isinstance(exc, ApplicationError):
        fields = {exc.field: [str(exc.message)]} if exc.field else {}
        return error_response(exc.code, exc.message, fields)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        return error_response(
            "invalid", _("The input is not valid."), _flatten(exc.detail), response.status_code
        )
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    headers = {k: v for k, v in response.headers.items() if k in ("WWW-Authenticate", "Retry-After")}
    return error_response(code, detail, None, response.status_code, headers)


class BoundedJSONParser(JSONParser):
    """JSON bodies up to API_MAX_JSON_BYTES, and no nesting deep enough to exhaust the parser."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.API_MAX_JSON_BYTES
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise exceptions.ParseError(
                _("The request body is larger than %(limit)s KB.") % {"limit": limit // 1024}
            )
        try:
            return super().parse(io.BytesIO(body), media_type, parser_context)
        except RecursionError as exc:
            raise exceptions.ParseError(_("The JSON is nested too deeply.")) from exc


# Every operation can answer these, whatever its view declares: bad input, no or an expired
# credential, a refusal, what the caller may not know exists, and a throttle.
_COMMON_ERRORS = {
    "400": "Invalid input (the fields named)",
    "401": "Not authenticated",
    "403": "Not allowed",
    "404": "Not found (or not yours to know about)",
    "429": "Too many requests",
}


def document_common_errors(result, generator, request, public):
    """drf-spectacular postprocessing hook: the single error shape on every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(
        "Error",
        {
            "type": "object",
            "properties": {
                "error": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "message": {"type": "string"},
                        "fields": {
                            "type": "object",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                    "required": ["code", "message", "fields"],
                }
            },
            "required": ["error"],
        },
    )
    for methods in result.get("paths", {}).values():
        for operation in methods.values():
            responses = operation.setdefault("responses", {})
            for code, description in _COMMON_ERRORS.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
    return result
