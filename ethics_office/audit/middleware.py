from contextvars import ContextVar

_client_address: ContextVar[str | None] = ContextVar("audit_client_address", default=None)


def current_client_address() -> str | None:
    return _client_address.get()


def client_address_of(request) -> str | None:
    # Behind the proxy in docker-compose the first X-Forwarded-For hop is the client.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    """Makes the client address available to audit_record() without threading `request` through services."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _client_address.set(client_address_of(request))
        try:
            return self.get_response(request)
        finally:
            _client_address.reset(token)
