"""Every operation of the API schema, fuzzed as staff, an officer, a focal point and an administrator:
no server error, and every response matches the schema.

A bounded run is part of the suite (`FUZZ_EXAMPLES`, default 3 per operation); `make fuzz` runs
the long one and prints the number of calls and failures (docs/security.md records a run).
"""

import json
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from ethics_office.site.tokens import api_token_issue
from ethics_office.wsgi import application

ROLES = ("staff", "officer", "focalpoint", "admin")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3"))
CALLS: dict[str, int] = {}


def _raw_schema() -> dict:
    # The schema as /api/schema/ serves it, generated in-process (that endpoint needs a sign-in).
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


schema = schemathesis.openapi.from_dict(_raw_schema())
schema.app = application


@pytest.fixture
def tokens(people):
    """One API token per role; the WSGI calls share the test's database transaction."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield {role: api_token_issue(user=people[role]) for role in ROLES}
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_fails_or_answers_outside_its_schema(case, tokens):
    for role in ROLES:
        CALLS[role] = CALLS.get(role, 0) + 1
        # A valid-looking request may still be refused (a role, a business rule), and a lenient
        # filter may ignore a value it cannot read: those are answers, not failures. Server
        # errors and answers outside the schema are failures.
        case.call_and_validate(
            headers={"Authorization": f"Token {tokens[role]}"},
            excluded_checks=[positive_data_acceptance, negative_data_rejection],
        )
