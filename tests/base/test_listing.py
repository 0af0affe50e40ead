"""The per-page helpers of list views (ethics_office.base.listing) give what the template tags
they replace give: `{% url name pk %}` and `|date:"DATE_FORMAT"`, in every language."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from ethics_office.base.listing import date_for_each, link_for_each


@pytest.mark.parametrize("prefix", ["/", "/ethics/"])
def test_one_reversal_makes_every_rows_link(prefix):
    set_script_prefix(prefix)
    try:
        link = link_for_each("advisory-request-detail")
        for pk in (1, 7, 90_000, 987_654_321_987, 2**40):
            assert link(pk) == reverse("advisory-request-detail", args=[pk])
        assert link(12).startswith(prefix)
    finally:
        set_script_prefix("/")


def test_a_link_takes_integers_only():
    link = link_for_each("advisory-request-detail")
    with pytest.raises(ValueError):
        link("12/../../admin")
    with pytest.raises(NoReverseMatch):
        link_for_each("home")  # a URL without an argument


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans", "ar", "es", "ru"])
def test_dates_read_as_the_date_filter_writes_them(language):
    template = Template('{{ d|date:"DATE_FORMAT" }}')
    with translation.override(language):
        date = date_for_each()
        for day in (dt.date(2012, 6, 30), dt.date(2022, 1, 3), dt.date(2022, 1, 3)):
            assert date(day) == template.render(Context({"d": day}))
        assert date(None) == ""
