"""Throttles for the anonymous pages and endpoints, per address without keeping the address.

The cache key holds an HMAC of the client address (keyed with SECRET_KEY, so the key cannot be
reversed by trying every address), never the address itself; the count lives in the cache for
its window only, and nothing about it reaches the database or the audit trail.
"""

import hashlib
import hmac

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from ethics_office.audit.middleware import client_address_of


def address_token(request) -> str:
    address = client_address_of(request) or "unknown"
    key = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(key, b"anonymous-advice|" + address.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


class _HashedAddressThrottle(SimpleRateThrottle):
    """Counts every call (signed in or not) by the keyed hash of its address."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": address_token(request)}

    def get_rate(self):
        rates = getattr(settings, "ADVICE_ANONYMOUS_RATES", {})
        return rates.get(self.scope) or self.DEFAULT_RATES[self.scope]

    DEFAULT_RATES = {"anonymous_ask": "10/hour", "anonymous_receipt": "20/hour"}


class AnonymousAskThrottle(_HashedAddressThrottle):
    """New anonymous questions from one address."""

    scope = "anonymous_ask"


class ReceiptThrottle(_HashedAddressThrottle):
    """Uses of a receipt code (reading or writing) from one address: guessing codes is slow."""

    scope = "anonymous_receipt"


def allowed(request, throttle_class) -> bool:
    """For the browser pages: the same throttle as the API (False once the rate is passed)."""
    return throttle_class().allow_request(request, None)
