"""Design, sample, field, answer, remind, close and publish, through the services."""

import datetime as dt

import pytest
from django.core import mail
from django.http import Http404

from assessment import services
from assessment.models import Assessment, Instrument, Invitation, Response, Status, Stratum
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed
from ethics_office.base.sampling import allocate_equal, stratified_sample

from .conftest import answer, staff_in, tokens_for, wave

pytestmark = pytest.mark.django_db


def test_the_draw_is_reproducible_from_its_stored_seed(officer, director, instrument):
    """The same seed draws the same people; the office sees only the sizes per stratum."""
    staff_in("MONUSCO", 40)
    staff_in("UNMIL", 20)
    a = wave(officer, director, instrument, ["MONUSCO", "UNMIL"], 30, seed=99, field=False)
    first = sorted(Invitation.objects.filter(assessment=a).values_list("person_id", flat=True))
    assert a.seed == 99
    assert dict(Stratum.objects.filter(assessment=a).values_list("mission__code", "sample_size")) == {
        "MONUSCO": 20,
        "UNMIL": 10,
    }
    services.sample_draw(actor=officer, assessment_id=a.pk, seed=99)
    again = sorted(Invitation.objects.filter(assessment=a).values_list("person_id", flat=True))
    assert first == again and len(first) == 30


def test_equal_allocation_with_a_minimum():
    """Equal split of 30 over strata of 100, 50 and 4: the small one gives all it has (4), the
    other two share the rest (13 each); a minimum of 15 raises both to 15."""
    sizes = {"a": 100, "b": 50, "c": 4}
    assert allocate_equal(sizes, 30) == {"a": 13, "b": 13, "c": 4}
    assert allocate_equal(sizes, 30, minimum=15) == {"a": 15, "b": 15, "c": 4}
    allocation, sampled = stratified_sample([(i, "a" if i < 100 else "b") for i in range(150)], 20, 5,
                                            allocator=allocate_equal)  # fmt: skip
    assert allocation == {"a": 10, "b": 10} and len(sampled) == 20


def test_only_the_director_fields_and_fielding_freezes_the_questionnaire(officer, director, instrument):
    staff_in("MONUSCO", 5)
    a = wave(officer, director, instrument, ["MONUSCO"], 5, field=False)
    with pytest.raises(ApplicationError):
        services.assessment_field(actor=officer, assessment_id=a.pk, send=False)
    assert Assessment.objects.get(pk=a.pk).status == Status.DRAFT
    services.assessment_field(actor=director, assessment_id=a.pk, send=False)
    assert Instrument.objects.get(pk=instrument.pk).frozen
    with pytest.raises(ApplicationError):
        services.section_add(
            actor=officer, instrument_id=instrument.pk, code="s2", titles={"en": "x", "zh-hans": "x"}
        )
    revision = services.instrument_revise(actor=officer, instrument_id=instrument.pk)
    assert revision.version == 2 and not revision.frozen
    assert sorted(i.code for s in revision.sections.all() for i in s.items.all()) == sorted(
        i.code for s in instrument.sections.all() for i in s.items.all()
    )


def test_invitations_go_out_in_each_persons_language_after_commit(
    officer, director, instrument, django_capture_on_commit_callbacks
):
    """One e-mail per sampled person, in their language, with a link that works once."""
    staff_in("MONUSCO", 2, language="zh-hans", prefix="Z")
    staff_in("MONUSCO", 1, language="en", prefix="E")
    a = wave(officer, director, instrument, ["MONUSCO"], 3, field=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_field(actor=director, assessment_id=a.pk)
    assert len(mail.outbox) == 3
    chinese = [m for m in mail.outbox if m.to[0].startswith("z")]
    assert len(chinese) == 2 and all("您" in m.body for m in chinese)
    english = [m for m in mail.outbox if m.to[0].startswith("e")][0]
    assert "selected" in english.subject
    token = english.body.split("/assessment/respond/")[1].split("/")[0]
    answer(token)
    with pytest.raises(Http404):
        answer(token)
    assert Response.objects.filter(assessment=a).count() == 1


def test_reminders_reach_only_those_who_have_not_answered(
    officer, director, instrument, django_capture_on_commit_callbacks
):
    staff_in("MONUSCO", 3)
    a = wave(officer, director, instrument, ["MONUSCO"], 3, field=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_field(actor=director, assessment_id=a.pk)
    first = mail.outbox[0]
    answer(first.body.split("/assessment/respond/")[1].split("/")[0])
    mail.outbox.clear()
    later = dt.date.today() + dt.timedelta(days=8)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.reminders_send(actor=None, today=later)
    assert sent == 2 and len(mail.outbox) == 2
    assert first.to[0] not in {m.to[0] for m in mail.outbox}
    assert all("Reminder" in m.subject for m in mail.outbox)
    # Not again the same day, and never more than twice.
    assert services.reminders_send(actor=None, today=later) == 0


def test_closing_kills_the_links_and_publishing_needs_the_director(officer, director, instrument):
    staff_in("MONUSCO", 3)
    a = wave(officer, director, instrument, ["MONUSCO"], 3)
    token = tokens_for(a)[0]
    services.assessment_close(actor=officer, assessment_id=a.pk)
    with pytest.raises(Http404):
        answer(token)
    with pytest.raises(ApplicationError):
        services.assessment_publish(actor=officer, assessment_id=a.pk)
    services.assessment_publish(actor=director, assessment_id=a.pk)
    with pytest.raises(TransitionNotAllowed):
        services.assessment_close(actor=officer, assessment_id=a.pk)


def test_a_bad_answer_names_the_question_and_what_is_valid(officer, director, instrument):
    staff_in("MONUSCO", 1)
    a = wave(officer, director, instrument, ["MONUSCO"], 1)
    token = tokens_for(a)[0]
    with pytest.raises(ApplicationError) as exc:
        answer(token, speak=9)
    assert "speak" in exc.value.errors and "1 to 5" in exc.value.errors["speak"][0]
    assert Response.objects.count() == 0
    assert Invitation.objects.get(assessment=a).used is False


def test_staff_and_focal_points_cannot_design(staff, focalpoint, instrument):
    with pytest.raises(Http404):
        services.section_add(
            actor=staff, instrument_id=instrument.pk, code="x", titles={"en": "x", "zh-hans": "x"}
        )
    with pytest.raises(Http404):
        services.instrument_create(actor=focalpoint, code="y", titles={"en": "y", "zh-hans": "y"})


def test_the_questionnaire_opens_in_the_invitations_language(officer, director, instrument, client):
    """A Chinese reader's link opens in Chinese, with no sign-in; a chosen UI language wins."""
    from django.conf import settings
    from django.urls import reverse

    staff_in("MONUSCO", 1, language="zh-hans")
    a = wave(officer, director, instrument, ["MONUSCO"], 1)
    token = tokens_for(a)[0]
    page = client.get(reverse("assessment-respond", args=[token])).content.decode()
    assert '<html lang="zh-hans" dir="ltr"' in page and "中文 Speak up" in page and "提交我的答复" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("assessment-respond", args=[token])).content.decode()
    assert "Submit my answers" in page


def test_the_reminder_task_runs(officer, director, instrument):
    from assessment.tasks import send_reminders

    assert send_reminders.delay().get() == 0
