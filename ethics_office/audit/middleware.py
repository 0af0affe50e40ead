import ipaddress
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_client_address: ContextVar[str | None] = ContextVar("audit_client_address", default=None)


def current_client_address() -> str | None:
    return _client_address.get()


@contextmanager
def without_client_address():
    """The explicit anonymous path: events written inside record no client address.

    For requests whose people must stay unknown (anonymous questions with a receipt code).
    """
    token = _client_address.set(None)
    try:
        yield
    finally:
        _client_address.reset(token)


def valid_address(value) -> str | None:
    """The address in canonical form, or None for anything that is not an IP address."""
    try:
        return str(ipaddress.ip_address(str(value).strip()))
    except ValueError:
        return None


def client_address_of(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the X-Forwarded-For hop our trusted proxies put there.

    Each proxy appends the address it received the request from, so with N trusted proxies in
    front of us the client is the N-th entry from the right. Entries further left were written
    by the client and prove nothing. Anything that is not an IP address becomes None.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR") or ""
    if proxies > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return valid_address(hops[-proxies])
    return valid_address(remote) if remote else None


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
