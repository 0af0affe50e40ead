"""``{% filer_rows page %}``: the rows of the cycle page's filers table (disclosure/_cycle_filers.html).

Written here rather than in a ``{% for %}`` loop because the cycle page opens with 100 rows of ten
values each: Django's template engine spent ~5 ms resolving, localising and escaping them and
reversing a URL per row, the largest single cost of a first opening after a write
(docs/performance.md). The markup is the loop's, value for value; every value is escaped by
``format_html``, the words every row repeats are translated once a page and the link reversed
once (base.listing).
"""

from django import template
from django.template.defaultfilters import yesno
from django.utils.html import format_html_join
from django.utils.translation import gettext

from ethics_office.base.listing import link_for_each

register = template.Library()

# One row, in the order of selectors.CYCLE_FILER_COLUMNS; each begins and ends as the loop's did.
ROW = (
    '\n  <tr><td><input type="checkbox" name="filers" value="{}" id="f{}" aria-label="{}"></td>'
    '\n    <td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
    "\n    <td>{}</td></tr>\n  "
)


@register.simple_tag
def filer_rows(page):
    """The rows of `page` (tuples of CYCLE_FILER_COLUMNS), or "" when it has none."""
    link = link_for_each("disclosure-filing")
    yes, no = yesno(True), yesno(False)
    filed, outstanding = gettext("Filed"), gettext("Outstanding")
    return format_html_join(
        "",
        ROW,
        (
            (
                pk,
                pk,
                name,
                link(pk),
                name or "—",
                index_number,
                entity,
                grade,
                yes if confirmed else no,
                filed if filed_on else outstanding,
            )
            for pk, name, index_number, entity, grade, confirmed, filed_on in page
        ),
    )
