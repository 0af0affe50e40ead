"""The client address comes from REMOTE_ADDR or the hop the trusted proxies wrote, never the client's
own X-Forwarded-For entry; a malformed header is never a 500."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient

from ethics_office.audit.middleware import client_address_of
from ethics_office.audit.models import Action, AuditEvent

rf = RequestFactory()


def _addr(xff=None, remote="192.0.2.10"):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return client_address_of(rf.get("/", **meta))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    """TRUSTED_PROXY_COUNT = 0 (the default): the address is REMOTE_ADDR whatever the header says."""
    settings.TRUSTED_PROXY_COUNT = 0
    assert _addr("203.0.113.5") == "192.0.2.10"


def test_with_one_proxy_the_hop_it_wrote_counts_not_the_clients_first_entry(settings):
    """Behind one proxy the client is the last X-Forwarded-For entry; a forged first entry is ignored."""
    settings.TRUSTED_PROXY_COUNT = 1
    assert _addr("6.6.6.6, 203.0.113.5", remote="10.0.0.2") == "203.0.113.5"
    settings.TRUSTED_PROXY_COUNT = 2
    assert _addr("6.6.6.6, 203.0.113.5, 10.0.0.3", remote="10.0.0.2") == "203.0.113.5"


@pytest.mark.parametrize("bad", ["not-an-ip", "999.1.1.1", "<script>", "unknown", "1.2.3.4:80", "", ",,,"])
def test_a_malformed_hop_gives_no_address(settings, bad):
    """Anything that is not an IP address becomes no address."""
    settings.TRUSTED_PROXY_COUNT = 1
    assert _addr(bad, remote="999.9.9.9") is None


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["not-an-ip", "999.1.1.1", "<script>", "unknown"])
def test_a_malformed_header_never_breaks_sign_in_or_audited_pages(settings, people, client_for, bad):
    """The token endpoint, the login page and an audited page answer normally with a malformed header."""
    settings.TRUSTED_PROXY_COUNT = 1
    response = APIClient().post(
        reverse("api-token"),
        {"username": "staff", "password": "demo-password-2012"},
        format="json",
        HTTP_X_FORWARDED_FOR=bad,
    )
    assert response.status_code == 200
    failed = APIClient().post(
        reverse("api-token"), {"username": "staff", "password": "x"}, format="json", HTTP_X_FORWARDED_FOR=bad
    )
    assert failed.status_code == 400
    assert client_for("director").get(reverse("audit-events"), HTTP_X_FORWARDED_FOR=bad).status_code == 200
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED).latest("id").client_address is None


def test_docker_compose_states_its_proxy_count():
    """docker-compose sets TRUSTED_PROXY_COUNT for the application's services."""
    from pathlib import Path

    import yaml
    from django.conf import settings as live

    compose = yaml.safe_load((Path(live.BASE_DIR) / "docker-compose.yml").read_text())
    for name in ("web", "worker", "beat"):
        assert "TRUSTED_PROXY_COUNT" in compose["services"][name]["environment"]
