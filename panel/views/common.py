"""Helpers shared by the Panel's pages."""

from django.contrib import messages
from django.http import Http404

from ethics_office.base.errors import ApplicationError

from ..selectors import sees_panel_records

PAGE_SIZE = 50


def require_panel_records(user):
    if not sees_panel_records(user):
        raise Http404


def flash_error(request, exc: ApplicationError):
    messages.error(request, str(exc.message))
