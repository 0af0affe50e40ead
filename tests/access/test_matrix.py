"""Every URL pattern is in the access matrix, and every row answers as it says for every role."""

import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLPattern, URLResolver

from . import rows as rows_pkg
from .matrix import ROLES

# Patterns that need no row, and why.
EXEMPT_PREFIXES = ("admin:",)  # Django admin: covered by tests/access/test_admin.py
EXEMPT = {
    "set_language": "Django's language switch; tested in tests/site/test_i18n.py",
}

ALL_ROWS = [(module.__name__.rsplit(".", 1)[-1], row) for module in rows_pkg.modules() for row in module.ROWS]


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_pattern_has_a_row():
    """A new page or endpoint without an access-matrix row fails the suite."""
    covered = {row.url_name for _, row in ALL_ROWS}
    missing = sorted(
        name
        for name in set(_named_patterns())
        if name not in covered and name not in EXEMPT and not name.startswith(EXEMPT_PREFIXES)
    )
    assert missing == [], f"URL patterns with no access-matrix row: {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("module", "row"),
    ALL_ROWS,
    ids=[f"{m}:{r.method}:{r.url_name}{r.note and ':' + r.note}" for m, r in ALL_ROWS],
)
def test_row(module, row, world):
    people = world.users
    failures = []
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(people[role])
        if row.setup:
            row.setup(world, role)
        url = reverse(row.url_name, kwargs=row.kwargs(world) if row.kwargs else None)
        if row.query:
            url = f"{url}?{row.query}"
        data = row.data(world) if row.data else None
        method = getattr(client, row.method.lower())
        if row.method == "GET":
            response = method(url, data)
        elif row.content_type:
            response = method(url, data, content_type=row.content_type)
        else:
            response = method(url, data or {})
        expected = row.status_for(role)
        if response.status_code != expected:
            failures.append(f"{role}: expected {expected}, got {response.status_code}")
    assert not failures, f"{row.method} {row.url_name}: " + "; ".join(failures)
