"""The browser pages: intake, the case actions, and list query counts."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from retaliation.models import Evidence, Letter, RetaliationInquiry, ReviewOutcome, Status
from retaliation.selectors import officers_assigned_to
from tests.queries import assert_queries_flat, get_ok

from .helpers import png

pytestmark = pytest.mark.django_db


def _intake_data(**extra):
    day = (timezone.localdate() - dt.timedelta(days=5)).isoformat()
    return {
        "protected_activity": "reported_misconduct",
        "reported_to": "OIOS",
        "reported_on": day,
        "narrative": "I reported the misuse of funds.",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "10",
        "actions-0-occurred_on": day,
        "actions-0-taken_by": "My supervisor",
        "actions-0-description": "Non-renewal of my contract",
        **extra,
    }


def test_staff_requests_protection_and_gets_the_reference(client_for, staff):
    """The confirmation names the reference; the evidence is stored."""
    client = client_for("staff")
    response = client.post(reverse("retaliation-request"), _intake_data(evidence=[png()]))
    inquiry = RetaliationInquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("retaliation-detail", args=[inquiry.pk])
    message = str(next(iter(get_messages(response.wsgi_request))))
    assert inquiry.service_request.ref in message
    assert Evidence.objects.filter(inquiry=inquiry).count() == 1
    assert inquiry.service_request.requester.user == staff


def test_a_request_without_any_action_shows_the_error_beside_the_form(client_for):
    data = _intake_data()
    for key in ("actions-0-occurred_on", "actions-0-taken_by", "actions-0-description"):
        data[key] = ""
    response = client_for("staff").post(reverse("retaliation-request"), data)
    assert response.status_code == 200
    assert "Describe at least one retaliatory action." in response.content.decode()
    assert not RetaliationInquiry.objects.exists()


def test_an_officer_records_an_inquiry_and_is_assigned(client_for, officer):
    response = client_for("officer").post(
        reverse("retaliation-record"),
        _intake_data(requester_index="D000002", channel="email", received=timezone.localdate().isoformat()),
    )
    inquiry = RetaliationInquiry.objects.get()
    assert response.status_code == 302
    assert inquiry.service_request.requester.user.username == "staff2"
    assert inquiry.service_request.channel == "email"
    assert list(officers_assigned_to(inquiry)) == [officer]


def test_the_officer_classifies_then_records_a_prima_facie_review(
    client_for, make_inquiry, django_capture_on_commit_callbacks
):
    inquiry = make_inquiry()
    client = client_for("officer")
    response = client.post(
        reverse("retaliation-classify", args=[inquiry.pk]),
        {"classify-kind": "protection_request", "classify-letter_format": "pdf"},
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):  # the letters follow the commit
        response = client.post(
            reverse("retaliation-review", args=[inquiry.pk]),
            {
                "review-protected_activity_found": "yes",
                "review-protected_activity_reasoning": "Reported to OIOS.",
                "review-contributing_factor_found": "yes",
                "review-contributing_factor_reasoning": "Close in time.",
                "review-outcome": "prima_facie",
                "review-investigation_body": "oios",
                "review-letter_format": "docx",
            },
        )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Status.SIGN_OFF and inquiry.review_outcome == ReviewOutcome.PRIMA_FACIE
    assert Letter.objects.filter(inquiry=inquiry).count() == 0  # nothing goes out before the sign-off
    director = client_for("director")
    with django_capture_on_commit_callbacks(execute=True):
        response = director.post(
            reverse("retaliation-sign-off", args=[inquiry.pk]),
            {"sign_off-decision": "approve", "sign_off-letter_format": "docx"},
        )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Status.REFERRED
    assert Letter.objects.filter(inquiry=inquiry).count() == 2


def test_a_review_missing_reasoning_is_refused_beside_the_field(client_for, make_inquiry):
    inquiry = make_inquiry(classify=True)
    response = client_for("officer").post(
        reverse("retaliation-review", args=[inquiry.pk]),
        {"review-outcome": "no_prima_facie", "review-letter_format": "pdf"},
    )
    assert response.status_code == 400
    assert "Give the reasoning for this test." in response.content.decode()
    inquiry.refresh_from_db()
    assert inquiry.status == Status.UNDER_REVIEW


def test_the_dashboard_marks_overdue_reviews(client_for, make_inquiry):
    inquiry = make_inquiry(classify=True)
    RetaliationInquiry.objects.filter(pk=inquiry.pk).update(
        review_started=timezone.localdate() - dt.timedelta(days=60)
    )
    page = client_for("officer").get(reverse("retaliation-list")).content.decode()
    assert 'class="overdue"' in page
    assert "Overdue by" in page


@pytest.mark.parametrize("who", ["officer", "director", "staff"])
def test_the_list_page_query_count_does_not_grow(client_for, make_inquiry, who):
    """1 case or 50: the same number of queries, for the office and for the complainant."""
    client = client_for(who)
    assert_queries_flat(
        lambda: get_ok(client, reverse("retaliation-list")), lambda n: _cases(make_inquiry, n)
    )


def test_the_api_list_query_count_does_not_grow(client_for, make_inquiry):
    """1 case or 50 in the API list: the same number of queries."""
    client = client_for("officer")
    url = reverse("api-retaliation-requests")
    assert_queries_flat(lambda: get_ok(client, url), lambda n: _cases(make_inquiry, n))
    assert get_ok(client, url).json()["count"] == 50


def _cases(make_inquiry, n):
    for _ in range(n):
        make_inquiry(classify=True)


def test_the_case_file_speaks_chinese(client_for, make_inquiry, settings):
    """With 中文 chosen, the officer's case page and the statuses are in Chinese."""
    inquiry = make_inquiry(classify=True)
    client = client_for("officer")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    page = client.get(reverse("retaliation-detail", args=[inquiry.pk])).content.decode()
    assert "初步审查" in page and "内部备注" in page


def test_the_home_page_lists_open_reviews_for_the_officer_and_own_requests_for_staff(
    client_for, make_inquiry
):
    inquiry = make_inquiry(classify=True)
    assert (
        "Retaliation: open preliminary reviews" in client_for("officer").get(reverse("home")).content.decode()
    )
    staff_home = client_for("staff").get(reverse("home")).content.decode()
    assert "Your requests for protection" in staff_home and inquiry.service_request.ref in staff_home
    assert inquiry.service_request.ref not in client_for("officer2").get(reverse("home")).content.decode()


def test_a_letter_is_generated_again_in_word_but_only_one_the_case_has(
    client_for, make_inquiry, django_capture_on_commit_callbacks
):
    """The outcome letter can be had in Word too; a determination letter before any determination cannot."""
    from retaliation import services

    inquiry = make_inquiry(classify=True)
    with django_capture_on_commit_callbacks(execute=True):  # the letters follow the commit
        services.review_complete(
            actor=inquiry_officer(),
            inquiry_id=inquiry.pk,
            decision=services.ReviewDecision(outcome=ReviewOutcome.CLOSED, closure_reason="withdrawn"),
            letter_format="pdf",
        )
    client = client_for("officer")
    url = reverse("retaliation-letter-generate", args=[inquiry.pk])
    assert client.post(url, {"letter-kind": "review_outcome", "letter-format": "docx"}).status_code == 302
    assert sorted(inquiry.letters.values_list("format", flat=True)) == ["docx", "pdf"]
    response = client.post(url, {"letter-kind": "determination", "letter-format": "docx"})
    assert response.status_code == 400
    assert "This case has no such letter yet." in response.content.decode()


def inquiry_officer():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="officer")


def test_the_complainant_asks_the_panel_chair_from_their_page(client_for, make_inquiry):
    """After a no-prima-facie finding the complainant's page offers the Panel review and records it."""
    from retaliation import services
    from retaliation.models import PanelReviewRequest

    inquiry = make_inquiry(classify=True)
    services.review_complete(
        actor=inquiry_officer(),
        inquiry_id=inquiry.pk,
        findings=services.ReviewFindings(
            protected_activity_found=False,
            protected_activity_reasoning="Not a report of misconduct.",
            contributing_factor_found=False,
            contributing_factor_reasoning="No link.",
        ),
        decision=services.ReviewDecision(outcome=ReviewOutcome.NO_PRIMA_FACIE),
        letter_format="docx",
    )
    client = client_for("staff")
    page = client.get(reverse("retaliation-detail", args=[inquiry.pk])).content.decode()
    assert "Ask the Chair of the Ethics Panel for a review" in page
    response = client.post(reverse("retaliation-panel-review", args=[inquiry.pk]), {"panel-reasons": "No."})
    assert response.status_code == 302
    assert PanelReviewRequest.objects.filter(inquiry=inquiry).exists()
