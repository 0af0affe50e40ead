"""Helpers shared by the outreach pages."""

from django.core.paginator import Paginator
from django.shortcuts import render

from ethics_office.base.roles import is_office

PAGE_SIZE = 50


def paginate(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def form_page(request, form, title, **extra):
    context = {"form": form, "title": title, "user_is_office": is_office(request.user), **extra}
    return render(request, "outreach/form.html", context)
