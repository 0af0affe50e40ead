"""The 45-day preliminary-review clock: calendar days, paused days excluded, weekend deadlines
move to the next working day."""

import datetime as dt

import pytest

from retaliation.clock import days_elapsed, review_deadline

MON = dt.date(2026, 1, 5)  # a Monday; +45 days is Thursday 19 February


def test_forty_five_calendar_days_from_the_day_the_review_opened():
    """Opened Monday 5 January → due Thursday 19 February."""
    assert review_deadline(started=MON, today=MON) == dt.date(2026, 2, 19)


@pytest.mark.parametrize(
    ("started", "due"),
    [
        (dt.date(2026, 1, 7), dt.date(2026, 2, 23)),  # +45 = Saturday 21 Feb → Monday 23 Feb
        (dt.date(2026, 1, 8), dt.date(2026, 2, 23)),  # +45 = Sunday 22 Feb → Monday 23 Feb
        (dt.date(2026, 1, 1), dt.date(2026, 2, 16)),  # +45 = Sunday 15 Feb → Monday 16 Feb
    ],
)
def test_a_deadline_on_a_weekend_moves_to_the_next_working_day(started, due):
    """Saturday and Sunday deadlines fall due on the following Monday."""
    assert review_deadline(started=started, today=started) == due


def test_finished_pauses_push_the_deadline_by_the_days_paused():
    """Ten paused days: 45 + 10 = 55 days → Sunday 1 March → Monday 2 March."""
    assert review_deadline(started=MON, closed_pause_days=10, today=MON) == dt.date(2026, 3, 2)


def test_a_running_pause_pushes_the_deadline_day_by_day():
    """Paused on day 20 and still paused 5 days later: the deadline has moved 5 days."""
    paused_since = MON + dt.timedelta(days=20)
    today = paused_since + dt.timedelta(days=5)
    assert review_deadline(started=MON, paused_since=paused_since, today=today) == dt.date(2026, 2, 24)
    assert days_elapsed(started=MON, paused_since=paused_since, today=today) == 20


def test_finished_and_running_pauses_add_up():
    """3 days paused earlier, 4 days into a second pause: 52 days → Thursday 26 February."""
    paused_since = MON + dt.timedelta(days=30)
    today = paused_since + dt.timedelta(days=4)
    deadline = review_deadline(started=MON, closed_pause_days=3, paused_since=paused_since, today=today)
    assert deadline == dt.date(2026, 2, 26)
    assert days_elapsed(started=MON, closed_pause_days=3, paused_since=paused_since, today=today) == 27


def test_the_length_of_the_clock_is_a_setting(settings):
    """RETALIATION_REVIEW_DAYS = 30: opened Monday 5 January → due Wednesday 4 February."""
    settings.RETALIATION_REVIEW_DAYS = 30
    assert review_deadline(started=MON, today=MON) == dt.date(2026, 2, 4)


def test_days_elapsed_never_counts_before_the_start():
    assert days_elapsed(started=MON, today=MON - dt.timedelta(days=3)) == 0
    assert days_elapsed(started=MON, today=MON + dt.timedelta(days=31)) == 31


@pytest.mark.django_db
def test_the_case_shows_days_left_and_overdue(make_inquiry, officer):
    """A review opened 50 days ago with no pause is overdue; paused cases keep their clock."""
    from retaliation.models import RetaliationInquiry

    inquiry = make_inquiry(classify=True)
    from django.utils import timezone

    today = timezone.localdate()
    RetaliationInquiry.objects.filter(pk=inquiry.pk).update(review_started=today - dt.timedelta(days=50))
    inquiry.refresh_from_db()
    assert inquiry.days_left(today) < 0
    assert inquiry.is_overdue
