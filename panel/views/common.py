"""Helpers shared by the Panel's pages."""

from django.http import Http404

from ..selectors import sees_panel_records

PAGE_SIZE = 50


def require_panel_records(user):
    if not sees_panel_records(user):
        raise Http404
