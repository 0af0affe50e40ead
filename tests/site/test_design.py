"""The design system's shared pieces: clocks in words, numbers and dates per language, the pager,
sortable headers, the form renderer's markup and the grouped navigation."""

import datetime as dt

import pytest
from django import forms
from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from ethics_office.base.wording import days_in_words


def render(source, **context):
    return Template(source).render(Context(context))


def test_clock_in_words():
    assert days_in_words(3) == "3 days left"
    assert days_in_words(1) == "1 day left"
    assert days_in_words(0) == "due today"
    assert days_in_words(-7) == "7 days overdue"
    assert days_in_words(-1) == "1 day overdue"
    assert render("{% days_left n %}", n=-7) == "7 days overdue"
    with translation.override("zh-hans"):
        assert days_in_words(-7) == "已逾期 7 天"


@pytest.mark.parametrize(
    ("language", "number", "date"),
    [
        ("en", "4,306", "1 December 2026"),
        ("fr", "4\xa0306", "1 décembre 2026"),
        ("ru", "4\xa0306", "1 декабря 2026 г."),
        ("es", "4\xa0306", "1 de diciembre de 2026"),
        ("zh-hans", "4,306", "2026年12月1日"),
    ],
)
def test_numbers_and_one_date_style_per_language(language, number, date):
    with translation.override(language):
        assert render("{{ n|num }}", n=4306) == number
        assert render('{{ d|date:"DATE_FORMAT" }}', d=dt.date(2026, 12, 1)) == date
        assert render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=dt.date(2026, 12, 1)) == date


def test_pager_has_page_numbers_a_total_and_keeps_the_query():
    request = RequestFactory().get("/x/", {"status": "open", "page": "3"})
    page = Paginator(range(4306), 50).get_page(3)
    html = render('{% include "includes/pager.html" %}', page=page, request=request)
    assert "Showing 101 to 150 of 4,306 results" in html
    assert 'href="?status=open&amp;page=2"' in html and 'href="?status=open&amp;page=4"' in html
    assert 'aria-current="page"' in html and ">87<" in html  # the last page


def test_sort_header_toggles_and_resets_the_page():
    request = RequestFactory().get("/x/", {"sort": "kind", "page": "2", "status": "sent"})
    html = render('{% sort_header "kind" "Kind" %}{% sort_header "status" "Status" %}', request=request)
    assert 'aria-sort="ascending"' in html and "sort=-kind" in html and "page=2" not in html
    assert 'aria-sort="none"' in html and "sort=status" in html


class _Form(forms.Form):
    name = forms.CharField(label="Name", help_text="Your full name")
    agree = forms.BooleanField(label="I agree")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect, label="Kind")


def test_every_form_renders_the_design_systems_markup_with_an_error_summary():
    form = _Form({"name": ""})
    html = str(form)
    assert 'class="govuk-error-summary' in html
    assert '<a href="#id_name">This field is required.</a>' in html
    assert 'class="govuk-input"' in html and 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'class="govuk-checkboxes__input"' in html and "govuk-radios__input" in html
    assert 'id="id_name_error"' in html


@pytest.mark.django_db
def test_header_groups_the_navigation_and_marks_the_language_direction(client_for):
    page = client_for("director").get(reverse("home")).content.decode()
    assert '<html lang="en" dir="ltr"' in page
    assert page.count('class="site-menu"') >= 3  # Advice, Disclosure, Office … as menus
    assert "govuk-frontend.min.css" in page and "favicon.svg" in page
