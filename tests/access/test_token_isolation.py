"""A token for `staff` reaches no other person's data through any API endpoint."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from . import rows as rows_pkg

# What identifies other people of the demo organisation in a response.
OTHERS = ["staff2", "D000002", "Lars Eriksen"]


def _api_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _api_patterns(entry, route)
        elif isinstance(entry, URLPattern) and entry.name and route.startswith("api/"):
            yield entry.name, entry.pattern.converters if hasattr(entry.pattern, "converters") else {}


@pytest.mark.django_db
def test_staff_token_sees_no_other_persons_data(world):
    api = APIClient()
    token = api.post(
        reverse("api-token"), {"username": "staff", "password": "demo-password-2012"}, format="json"
    ).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    # Detail endpoints: every GET row of the matrix, with its objects.
    urls = set()
    for module in rows_pkg.modules():
        for row in module.ROWS:
            if row.method == "GET" and row.url_name.startswith("api"):
                urls.add(reverse(row.url_name, kwargs=row.kwargs(world) if row.kwargs else None))
    # List endpoints: every API pattern that takes no arguments.
    for name, converters in _api_patterns():
        if not converters:
            try:
                urls.add(reverse(name))
            except Exception:  # noqa: BLE001 — patterns with regex groups are covered by matrix rows
                continue
    leaks = []
    for url in sorted(urls):
        response = api.get(url)
        body = response.content.decode("utf-8", "replace")
        if response.status_code == 200 and any(marker in body for marker in OTHERS):
            leaks.append(url)
    assert len(urls) >= 5
    assert leaks == [], f"staff's token reached other people's data at {leaks}"
