import io

import pytest
from django.utils import timezone

from advisory import demo
from advisory.models import AdviceCategory, AdviceRequest, Status


@pytest.mark.django_db
def test_demo_covers_every_status_and_category_this_year_and_is_idempotent(people):
    """The demo has live requests in every status and category, dated this year; a second run adds nothing."""
    demo.seed(io.StringIO())
    reqs = AdviceRequest.objects.select_related("service_request")
    assert set(reqs.values_list("status", flat=True)) == set(Status.values)
    used = set(reqs.exclude(category=None).values_list("category__code", flat=True))
    assert used == set(AdviceCategory.objects.values_list("code", flat=True))
    assert all(r.service_request.received.year == timezone.localdate().year for r in reqs)
    count = reqs.count()
    demo.seed(io.StringIO())
    assert AdviceRequest.objects.count() == count


@pytest.mark.django_db
def test_demo_has_an_answered_anonymous_question_whose_receipt_is_printed(people):
    from advisory import services
    from advisory.selectors import thread_of
    from ethics_office.intake.models import Channel

    out = io.StringIO()
    demo.seed(out)
    line = next(x for x in out.getvalue().splitlines() if "receipt code" in x)
    receipt = line.rsplit(" ", 1)[-1]
    req = services.anonymous_thread_open(receipt=receipt)
    assert req.service_request.channel == Channel.ANONYMOUS_WEB
    assert [m.from_office for m in thread_of(req)] == [True]
