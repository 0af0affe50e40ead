"""The reference page of codes that import errors point to."""

import pytest
from django.urls import reverse
from django.utils import translation

from ethics_office.organisation.models import Entity, EntityGroup
from tests.queries import assert_queries_flat, get_ok

pytestmark = pytest.mark.django_db


def test_the_page_lists_every_kind_of_code(client_for):
    """Entities, duty stations, grades, courses and both kinds of categories, each under its anchor."""
    page = client_for("staff").get(reverse("reference-codes")).content.decode()
    for anchor in (
        "entities",
        "duty-stations",
        "grades",
        "courses",
        "service-categories",
        "advice-categories",
    ):
        assert f'id="{anchor}"' in page
    for code in (
        "UNU",
        "NYC",
        "P-4",
        "USG",
        "integrity_awareness",
        "financial_disclosure",
        "outside_activities",
    ):
        assert f"<code>{code}</code>" in page, code


def test_the_page_costs_the_same_queries_for_few_and_many_entities(client_for):
    """Flat in queries: 50 more entities add no query."""
    client = client_for("staff")
    url = reverse("reference-codes")
    made = iter(range(1000))

    def add(n):
        Entity.objects.bulk_create(
            Entity(code=f"ZZ{i}", name=f"Entity {i}", group=EntityGroup.OTHER)
            for i in (next(made) for _ in range(n))
        )

    assert_queries_flat(lambda: get_ok(client, url), add, what="entities")
    assert "<code>ZZ49</code>" in get_ok(client, url).content.decode()


def test_the_page_speaks_chinese(client_for):
    """Under Chinese the headings and the names are Chinese; the codes stay as they are."""
    client = client_for("staff")
    client.cookies.load({"django_language": "zh-hans"})
    page = client.get(reverse("reference-codes")).content.decode()
    translation.activate("en")  # the request left Chinese active in this thread
    assert "导入所用代码" in page and "联合国大学" in page and "<code>UNU</code>" in page
