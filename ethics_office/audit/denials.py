"""Refusals of objects that exist are recorded as `denied` events, after the response is ready."""

from ethics_office.base.gates import collect_denials, stop_collecting_denials

from .models import Action
from .services import audit_record


class DenialAuditMiddleware:
    """The user still sees a plain 404; the trail records who asked for what."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token, noted = collect_denials()
        try:
            response = self.get_response(request)
        finally:
            stop_collecting_denials(token)
        if response.status_code == 404 and noted:
            user = getattr(request, "user", None)
            for object_type, object_id in dict.fromkeys(noted):
                audit_record(
                    actor=user,
                    action=Action.DENIED,
                    object_type=object_type,
                    object_id=object_id,
                    fields=[request.method],
                    code="audit.denied",
                )
        return response
