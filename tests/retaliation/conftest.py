import datetime as dt

import pytest
from django.utils import timezone

from retaliation import services
from retaliation.models import InquiryKind


def action(days_ago=10, taken_by="First reporting officer", description="Downgraded my appraisal"):
    return {
        "occurred_on": timezone.localdate() - dt.timedelta(days=days_ago),
        "taken_by": taken_by,
        "description": description,
    }


@pytest.fixture
def make_inquiry(people):
    """make_inquiry(requester="staff", assign="officer", classify=True) -> a case made through the services."""

    def make(
        requester="staff", assign="officer", classify=False, narrative="I reported fraud in procurement."
    ):
        inquiry = services.inquiry_request(
            actor=people[requester],
            protected_activity="reported_misconduct",
            reported_to="OIOS hotline",
            reported_on=timezone.localdate() - dt.timedelta(days=40),
            narrative=narrative,
            actions=[action()],
        )
        if assign:
            services.inquiry_assign(actor=people["director"], inquiry_id=inquiry.pk, officer=people[assign])
        if classify:
            services.inquiry_classify(
                actor=people["director"], inquiry_id=inquiry.pk, kind=InquiryKind.PROTECTION_REQUEST
            )
        inquiry.refresh_from_db()
        return inquiry

    return make
