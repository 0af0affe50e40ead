"""Browser side of the ApplicationError family: a service's refusal becomes a form error.

Every page that posts a form goes form → service → message → redirect through one of two
helpers:

- `form_submit` for a page that shows its own form: on success it says so and redirects;
  otherwise it returns None and the view renders the form again, errors beside their fields.
- `form_action` for a small form on a detail page (add a note, assign, close): it always
  goes back to the page, with the success message or the errors as messages.
"""

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect

from .errors import ApplicationError, ValidationFailed


def add_application_error(form, exc: ApplicationError) -> None:
    """Put each refusal beside the field it names, or above the form when it names none of the form's fields."""
    if isinstance(exc, ValidationFailed) and exc.errors:
        for field, messages_ in exc.errors.items():
            for message in messages_:
                form.add_error(field if field in form.fields else None, str(message))
        return
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))


def _nothing_to_fill():
    return django_forms.Form(data={})


def _resolve(value, result):
    return value(result) if callable(value) else value


def form_submit(
    request,
    form,
    call: Callable[[dict], Any],
    *,
    success: str | Callable[[Any], str] | None,
    then: Any,
) -> HttpResponseRedirect | None:
    """Validate `form`, run `call(form.cleaned_data)` (the service), flash `success`, redirect to `then`.

    `success` and `then` may be functions of the service's result (the new object's reference
    in the message, its page as the target); `then` is anything `redirect()` takes (a URL, a
    model with `get_absolute_url`). Returns None when the form is invalid or the service
    refused (`ApplicationError`, or `PermissionDenied` with a message): the refusal is on the
    form, beside the field it names, and the view renders the form again. A bare
    `PermissionDenied` stays a 403.
    """
    if not form.is_valid():
        return None
    try:
        result = call(form.cleaned_data)
    except ApplicationError as exc:
        add_application_error(form, exc)
        return None
    except PermissionDenied as exc:
        if not str(exc):
            raise
        form.add_error(None, str(exc))
        return None
    message = _resolve(success, result)
    if message:
        messages.success(request, message)
    return redirect(_resolve(then, result))


def flash_form_errors(request, form) -> None:
    """Every error of `form` as an error message, labelled by its field."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else None
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def form_action(
    request,
    form,
    call: Callable[[dict], Any],
    *,
    success: str | Callable[[Any], str] | None,
    back: Any,
    invalid: str | None = None,
    then: Any = None,
) -> HttpResponseRedirect:
    """A small form posted from a detail page: run it as `form_submit` does, then always go back.

    The form's errors (or `invalid`, one message instead of them for a form that could not be
    read) and the service's refusal become error messages on the page it goes back to.
    `form=None` is an action with nothing to fill in (a button); `then` (as for `form_submit`)
    goes elsewhere on success than `back`.
    """
    form = _nothing_to_fill() if form is None else form
    if not form.is_valid():
        if invalid:
            messages.error(request, invalid)
        else:
            flash_form_errors(request, form)
        return redirect(back)
    done = form_submit(request, form, call, success=success, then=back if then is None else then)
    if done is not None:
        return done
    # The form was valid: what is on it now is the service's refusal, which speaks for itself.
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect(back)
