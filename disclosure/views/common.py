"""Helpers shared by the programme's pages."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect

from ethics_office.base.errors import ApplicationError, ValidationFailed
from ethics_office.base.roles import is_office


def office_only(request):
    if not is_office(request.user):
        raise Http404


def show_error(request, exc: ApplicationError):
    if isinstance(exc, ValidationFailed) and exc.errors:
        for errors in exc.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        messages.error(request, exc.message)


def back_to_filing(pk):
    return redirect("disclosure-filing", pk=pk)
