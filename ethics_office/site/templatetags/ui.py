"""Shared template tags of the design system, built into every template (settings.TEMPLATES builtins).

- ``{{ n|num }}``: a number grouped per language ("4,306", "4 306").
- ``{% days_left n %}``: a clock in words ("3 days left", "due today", "7 days overdue").
- ``{% sort_header "field" _("Label") %}``: a sortable column header that keeps the other query parameters.
- ``{% query_with page=3 %}``: the current query string with some parameters replaced.
"""

from django import template
from django.utils.html import format_html

from ethics_office.base.wording import days_in_words, grouped

register = template.Library()


@register.filter
def num(value):
    return grouped(value)


@register.simple_tag
def days_left(days):
    if days is None or days == "":
        return ""
    return days_in_words(days)


def _query(request, **replace):
    query = request.GET.copy()
    for key, value in replace.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def query_with(context, **replace):
    """'?a=1&page=3': the current query parameters with ``replace`` applied."""
    request = context.get("request")
    if request is None:
        return "?" + "&".join(f"{k}={v}" for k, v in replace.items())
    return "?" + _query(request, **replace)


@register.simple_tag(takes_context=True)
def sort_header(context, field, label, param="sort", css_class=""):
    """<th> with a link that sorts by ``field`` (then ``-field``), aria-sort on the current column.

    The view reads ``request.GET[param]`` (``field`` or ``-field``); the page number is reset.
    """
    request = context.get("request")
    current = request.GET.get(param, "") if request is not None else ""
    if current == field:
        state, target = "ascending", f"-{field}"
    elif current == f"-{field}":
        state, target = "descending", field
    else:
        state, target = "none", field
    href = "?" + (
        _query(request, **{param: target, "page": None}) if request is not None else f"{param}={target}"
    )
    return format_html(
        '<th scope="col" class="govuk-table__header site-sort {}" aria-sort="{}"><a href="{}">{}</a></th>',
        css_class,
        state,
        href,
        label,
    )


@register.simple_tag
def page_numbers(page, on_each_side=2, on_ends=1):
    """``{% page_numbers page as numbers %}``: page numbers around the current one, ``None`` for a gap."""
    paginator = page.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page.number, on_each_side=on_each_side, on_ends=on_ends)
    ]
