"""Every confidential detail view of every app leaves a VIEW audit event naming who looked
(a download, an EXPORT event).

The objects are the access matrix's world, so a new app's detail pages are checked by adding
them here; a matrix detail row of a mandate app that is neither here nor excused fails.
"""

import pytest
from django.test import Client
from django.urls import reverse

from ethics_office.audit.models import Action, AuditEvent

from .test_matrix import ALL_ROWS

# url name → why a look at it is confidential.
AUDITED = {
    "advisory-request-detail": "a request for advice, its question and the advice",
    "api-advice-request-detail": "the same request through the API",
    "api-advice-request-messages": "the conversation on a request",
    "advisory-attachment": "a file attached to a request",
    "disclosure-filing": "a filer's statement",
    "api-disclosure-filing": "the same filing through the API",
    "disclosure-document": "a filer's supporting document",
    "disclosure-referral-letter": "a referral letter about a filer (a download: an EXPORT event)",
    "disclosure-statement": "a version of a filer's statement",
    "disclosure-conflict": "a conflict item on a filer's statement and its history",
    "disclosure-verification-export": "the filers drawn for verification (a download: an EXPORT event)",
    "outreach-briefing-detail": "what a senior official was briefed on",
    "panel-consultation-detail": "a case the Panel is consulted on",
    "panel-document-download": "a Panel meeting document",
    "retaliation-detail": "a request for protection against retaliation",
    "api-retaliation-request": "the same case through the API",
    "api-retaliation-request-messages": "the case's message thread through the API",
    "retaliation-evidence": "the complainant's evidence",
    "retaliation-letter": "a letter to the complainant or the investigators",
}
# Detail pages that show nothing confidential, and why.
NOT_CONFIDENTIAL = {
    "advisory-roadmap-edit": "reference data",
    "advisory-submitted": "the requester's own confirmation, with the reference only",
    "advisory-precedent-detail": "anonymised precedent",
    "disclosure-statement-edit": "the filer's own form (its saving is audited)",
    "disclosure-cycle": "counts of a filing cycle",
    "disclosure-cycle-close": "a confirmation page: who would be referred, no statement content",
    "disclosure-cycle-confirm": "a confirmation page: how many filers, no statement content",
    "disclosure-verification": "who was drawn and whether their documents arrived, no statement content",
    "disclosure-verification-redraw": "a confirmation page for the Director's redraw",
    "outreach-session-detail": "a training session",
    "outreach-request-detail": "a request for a training session",
    "outreach-mission-detail": "an outreach mission",
    "panel-meeting-detail": "the meeting's date and agenda",
}
# Rows of an audited page whose object has nothing confidential on it yet.
EMPTY = {
    ("disclosure-filing", "reviewer not assigned"): "staff2's filing has no statement yet",
    ("api-disclosure-filing", "reviewer not assigned"): "staff2's filing has no statement yet",
}
# A download is recorded as an export of the thing; every other look as a view.
EXPORTS = {"disclosure-referral-letter", "disclosure-verification-export"}
MANDATE_APPS = {"advisory", "disclosure", "outreach", "panel", "retaliation"}

DETAIL_ROWS = [
    (module, row)
    for module, row in ALL_ROWS
    if module in MANDATE_APPS and row.method == "GET" and row.kwargs is not None
]
CASES = [
    (row, role)
    for _module, row in DETAIL_ROWS
    if row.url_name in AUDITED and (row.url_name, row.note) not in EMPTY
    for role, status in row.expect.items()
    if status == 200 and role != "*"
]


def test_every_detail_view_of_a_mandate_app_is_either_audited_or_excused():
    """A new detail page must say whether a look at it is confidential."""
    unsorted = sorted({row.url_name for _, row in DETAIL_ROWS} - AUDITED.keys() - NOT_CONFIDENTIAL.keys())
    assert unsorted == [], f"add these to AUDITED or NOT_CONFIDENTIAL: {unsorted}"
    untested = sorted(AUDITED.keys() - {row.url_name for row, _role in CASES})
    assert untested == [], f"no matrix row opens these for anyone: {untested}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "role"), CASES, ids=[f"{row.url_name}{row.note and ':' + row.note}:{role}" for row, role in CASES]
)
def test_a_look_at_a_confidential_detail_leaves_a_view_event(row, role, world):
    """Each role that may open the page leaves one more VIEW event, naming them."""
    people = world.users
    client = Client()
    client.force_login(people[role])
    if row.setup:
        row.setup(world, role)
    url = reverse(row.url_name, kwargs=row.kwargs(world))
    last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    action = Action.EXPORT if row.url_name in EXPORTS else Action.VIEW
    views = AuditEvent.objects.filter(id__gt=last, action=action)
    assert views.exists(), f"{role} opened {url} ({AUDITED[row.url_name]}) and left no {action} event"
    assert {e.actor_id for e in views} == {people[role].pk}
