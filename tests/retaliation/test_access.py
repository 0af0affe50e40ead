"""Only the Director and the assigned officers see a case; the complainant sees status and letters."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from ethics_office.audit.models import Action, AuditEvent
from retaliation import services
from retaliation.models import LetterKind, ReviewOutcome
from retaliation.selectors import inquiries_handled_by

pytestmark = pytest.mark.django_db

NOTE = "INTERNAL-NOTE-do-not-show"
REASONING = "REASONING-internal-only"


@pytest.fixture
def referred(make_inquiry, officer, director, django_capture_on_commit_callbacks):
    """staff's case, reviewed by `officer` with a prima facie finding, with an internal note."""
    inquiry = make_inquiry(classify=True)
    services.case_note_add(actor=officer, inquiry_id=inquiry.pk, text=NOTE)
    with django_capture_on_commit_callbacks(execute=True):  # the letters follow the commit
        services.review_complete(
            actor=officer,
            inquiry_id=inquiry.pk,
            findings=services.ReviewFindings(
                protected_activity_found=True,
                protected_activity_reasoning=REASONING,
                contributing_factor_found=True,
                contributing_factor_reasoning=REASONING,
            ),
            decision=services.ReviewDecision(outcome=ReviewOutcome.PRIMA_FACIE),
            letter_format="docx",
        )
        services.prima_facie_sign_off(actor=director, inquiry_id=inquiry.pk, letter_format="docx")
    return inquiry


def test_the_superuser_gets_404_on_the_page_the_api_and_the_admin_site(client_for, referred):
    """`admin` is a superuser and an administrator: none of it opens a retaliation case."""
    admin = client_for("admin")
    assert admin.get(reverse("retaliation-detail", args=[referred.pk])).status_code == 404
    assert admin.get(reverse("api-retaliation-request", args=[referred.pk])).status_code == 404
    assert admin.get("/admin/retaliation/retaliationinquiry/").status_code == 404
    assert admin.get(f"/admin/retaliation/retaliationinquiry/{referred.pk}/change/").status_code == 404
    listing = admin.get(reverse("api-retaliation-requests")).json()
    assert listing["count"] == 0
    assert referred.service_request.ref not in admin.get(reverse("retaliation-list")).content.decode()


def test_a_global_permission_grants_nothing(people, referred, client_for):
    """Even a global grant of the handle permission does not open a case to an unassigned officer."""
    perm = Permission.objects.get(codename="handle_retaliationinquiry")
    for name in ("officer2", "admin"):
        people[name].user_permissions.add(perm)
    assert not inquiries_handled_by(people["officer2"]).exists()
    assert client_for("officer2").get(reverse("retaliation-detail", args=[referred.pk])).status_code == 404
    assert client_for("admin").get(reverse("retaliation-detail", args=[referred.pk])).status_code == 404


def test_an_unassigned_officer_gets_404_until_the_director_assigns_them(client_for, people, referred):
    """officer2 sees nothing; once the Director assigns them, the case opens."""
    url = reverse("retaliation-detail", args=[referred.pk])
    assert client_for("officer2").get(url).status_code == 404
    services.inquiry_assign(actor=people["director"], inquiry_id=referred.pk, officer=people["officer2"])
    assert client_for("officer2").get(url).status_code == 200


def test_the_complainant_sees_status_and_letters_never_notes_or_reasoning(client_for, referred):
    """staff's page and API answer show the status and the outcome letter, not notes, reasoning or the memo."""
    staff = client_for("staff")
    page = staff.get(reverse("retaliation-detail", args=[referred.pk])).content.decode()
    assert "Referred for investigation" in page
    assert "Outcome of the preliminary review" in page
    assert NOTE not in page and REASONING not in page
    assert "Referral memorandum" not in page
    body = staff.get(reverse("api-retaliation-request", args=[referred.pk])).json()
    assert body["status"] == "referred"
    assert [letter["kind"] for letter in body["letters"]] == [LetterKind.REVIEW_OUTCOME]
    assert "notes" not in body and "narrative" not in body
    assert NOTE not in str(body) and REASONING not in str(body)


def test_the_complainant_downloads_the_letter_but_not_the_referral_memo(client_for, referred):
    staff = client_for("staff")
    outcome = referred.letters.get(kind=LetterKind.REVIEW_OUTCOME)
    memo = referred.letters.get(kind=LetterKind.REFERRAL_MEMO)
    response = staff.get(reverse("retaliation-letter", args=[referred.pk, outcome.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"
    assert staff.get(reverse("retaliation-letter", args=[referred.pk, memo.pk])).status_code == 404
    assert (
        client_for("officer").get(reverse("retaliation-letter", args=[referred.pk, memo.pk])).status_code
        == 200
    )


def test_the_officer_sees_notes_and_reasoning(client_for, referred):
    page = client_for("officer").get(reverse("retaliation-detail", args=[referred.pk])).content.decode()
    assert NOTE in page and REASONING in page


def test_page_and_api_views_of_a_case_are_audited(client_for, referred, people):
    """Page and API views by the officer and the complainant each leave a VIEW event."""
    before = AuditEvent.objects.filter(action=Action.VIEW, object_id=str(referred.pk)).count()
    client_for("officer").get(reverse("retaliation-detail", args=[referred.pk]))
    client_for("staff").get(reverse("retaliation-detail", args=[referred.pk]))
    client_for("director").get(reverse("api-retaliation-request", args=[referred.pk]))
    events = AuditEvent.objects.filter(
        action=Action.VIEW, object_type="retaliation.retaliationinquiry", object_id=str(referred.pk)
    ).order_by("id")
    assert events.count() == before + 3
    assert [e.actor_label for e in events][-3:] == ["officer", "staff", "director"]


def test_other_staff_cannot_post_to_a_case(client_for, referred):
    """A complainant action on someone else's case is 404 too."""
    url = reverse("retaliation-panel-review", args=[referred.pk])
    assert client_for("staff2").post(url, {}).status_code == 404


def test_the_director_removes_an_officer_who_then_gets_404(client_for, people, referred):
    """Unassigning revokes the object permission: the officer's next look is a 404."""
    url = reverse("retaliation-detail", args=[referred.pk])
    assert client_for("officer").get(url).status_code == 200
    response = client_for("director").post(
        reverse("retaliation-unassign", args=[referred.pk]), {"unassign-officer": people["officer"].pk}
    )
    assert response.status_code == 302
    assert client_for("officer").get(url).status_code == 404
    assert not inquiries_handled_by(people["officer"]).exists()
