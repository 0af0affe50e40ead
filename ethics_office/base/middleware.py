"""Request edges: input no view should have to defend against, and caching of what is private."""

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from .uploads import NamesKeptMultiPartParser


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def bad_request(request, field: str, message: str):
    """The single error shape for the API; a plain page for the browser."""
    if _is_api(request):
        body = {"error": {"code": "invalid", "message": message, "fields": {field: [message]}}}
        return JsonResponse(body, status=400)
    return HttpResponse(f"{field}: {message}", status=400, content_type="text/plain; charset=utf-8")


class RefuseUnusableInputMiddleware:
    """A NUL character in a query parameter or its name is refused before any view sees it, and
    uploads whose names Django would silently drop are kept so they can be refused by name.

    PostgreSQL cannot store or compare NUL in text, so it would otherwise surface as a 500
    wherever a parameter reaches a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A file named ".." is an error shown to its sender, not a silent drop (see uploads).
        request.multipart_parser_class = NamesKeptMultiPartParser
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in v for v in values):
                return bad_request(
                    request,
                    name.replace("\x00", "\\0"),
                    _("A query parameter may not contain a NUL character."),
                )
        return self.get_response(request)


class PrivateResponsesMiddleware:
    """What a signed-in person sees is theirs: no shared or browser cache keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if (
            (signed_in or _is_api(request))
            and not response.has_header("Cache-Control")
            or signed_in
            and "no-store" not in response.get("Cache-Control", "")
        ):
            response["Cache-Control"] = "no-store, private"
        return response
