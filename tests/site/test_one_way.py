"""The shared helpers each app uses for a status change, the office-only gate and a posted form."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from advisory.workflow import ALLOWED, Status
from ethics_office.base.errors import ApplicationError, TransitionNotAllowed, ValidationFailed
from ethics_office.base.forms import form_action, form_submit
from ethics_office.base.gates import require_office
from ethics_office.base.workflow import status_check, transition_check
from panel.workflow import MINUTES_ALLOWED


def test_an_allowed_move_passes_and_a_forbidden_one_names_both_statuses():
    """The check reads the app's table; the refusal names the statuses by their labels."""
    transition_check(ALLOWED, Status.RECEIVED, Status.ASSIGNED)
    with pytest.raises(TransitionNotAllowed) as refused:
        transition_check(ALLOWED, Status.CLOSED, Status.ADVISED)
    assert "“Closed”" in str(refused.value.message) and "“Advised”" in str(refused.value.message)
    assert refused.value.field is None


def test_an_unknown_status_names_the_field_the_value_and_the_valid_ones():
    with pytest.raises(TransitionNotAllowed) as refused:
        transition_check(MINUTES_ALLOWED, "draft", "published", field="minutes")
    message = str(refused.value.message)
    assert refused.value.field == "minutes"
    assert "“published”" in message and "approved" in message and "draft" in message
    with pytest.raises(TransitionNotAllowed):
        status_check(ALLOWED, "lost", field="to")


def test_a_status_with_nowhere_to_go_refuses_every_move():
    with pytest.raises(TransitionNotAllowed):
        transition_check(MINUTES_ALLOWED, "approved", "draft")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["staff", "focalpoint", "reviewer", "panel", "admin"])
def test_the_office_only_gate_answers_404_to_everyone_outside_the_office(people, name):
    with pytest.raises(Http404):
        require_office(people[name])


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["officer", "officer2", "director"])
def test_the_office_only_gate_lets_officers_and_the_director_through(people, name):
    require_office(people[name])


class _Form(forms.Form):
    title = forms.CharField(label="Title")


def _post(data):
    request = RequestFactory().post("/", data)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _messages(request):
    return [(m.level_tag, str(m)) for m in get_messages(request)]


def test_form_submit_runs_the_service_says_so_and_redirects_to_its_result():
    request = _post({"title": "Gifts"})
    response = form_submit(
        request,
        _Form(request.POST),
        lambda d: d["title"].upper(),
        success=lambda result: f"{result} recorded",
        then=lambda result: f"/done/{result}/",
    )
    assert response.status_code == 302 and response.url == "/done/GIFTS/"
    assert _messages(request) == [("success", "GIFTS recorded")]


def test_form_submit_puts_the_refusal_beside_its_field_and_returns_none():
    request = _post({"title": "Gifts"})
    form = _Form(request.POST)

    def refuse(_d):
        raise ApplicationError("Already recorded.", field="title")

    assert form_submit(request, form, refuse, success="no", then="/") is None
    assert form.errors == {"title": ["Already recorded."]}
    assert _messages(request) == []


def test_form_submit_keeps_a_bare_permission_denied_a_403():
    request = _post({"title": "Gifts"})

    def refuse(_d):
        raise PermissionDenied

    with pytest.raises(PermissionDenied):
        form_submit(request, _Form(request.POST), refuse, success="no", then="/")


def test_form_action_always_goes_back_with_the_errors_as_messages():
    request = _post({})
    response = form_action(request, _Form(request.POST), lambda d: None, success="no", back="/case/1/")
    assert response.url == "/case/1/"
    assert _messages(request) == [("error", "Title: This field is required.")]

    request = _post({})
    form_action(request, _Form(request.POST), lambda d: None, success="no", back="/", invalid="Name it.")
    assert _messages(request) == [("error", "Name it.")]


def test_form_action_shows_every_refusal_of_the_service_and_goes_to_then_on_success():
    request = _post({"title": "Gifts"})

    def refuse(_d):
        raise ValidationFailed("No.", errors={"title": ["Too short."], "other": ["Not now."]})

    form_action(request, _Form(request.POST), refuse, success="no", back="/")
    assert _messages(request) == [("error", "Too short."), ("error", "Not now.")]

    request = _post({})
    response = form_action(request, None, lambda d: d, success="Done.", back="/back/", then="/next/")
    assert response.url == "/next/" and _messages(request) == [("success", "Done.")]
