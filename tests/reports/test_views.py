"""The report page, its downloads and the API: who sees them and what they show."""

import json
import re

import pytest
from django.urls import reverse

from ethics_office.audit.models import Action, AuditEvent
from reports.models import Baseline
from reports.queries import annual_report
from tests.queries import assert_queries_flat, get_ok

pytestmark = pytest.mark.django_db

URL = "/reports/annual/2011-2012/"


def test_the_director_sees_headline_figures_charts_tables_and_the_annex(history, client_for):
    """The page shows the counts, six figures (images with their size and an alt text naming the
    figure), each with its data table under a caption, tables 1 and 2 and the annex."""
    response = client_for("director").get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    images = re.findall(r'<img src="([^"]+)" alt="([^"]+)" width="(\d+)" height="(\d+)"', html)
    assert len(images) == 6
    assert images[0][0].startswith(URL + "charts/figure-i.svg?v=")
    assert images[0][1].startswith("Figure I: ")
    assert html.count("<details>") == 6
    for number in ["I", "II", "III", "IV", "V", "VI"]:
        assert html.count(f"<caption>Figure {number}: ") == 1, number
        assert html.count(f"<strong>Figure {number}</strong>") == 1, number  # the title once, above
    for text in ["887", "4,306", "Table 1", "Table 2", "Figure VI", "Department of Management", "2010-2011"]:
        assert text in html, text


def test_the_page_answers_without_drawing_a_chart(history, client_for, monkeypatch):
    """The first opening is the figures and the template: the charts are drawn when the browser
    asks for their images, once per figures and language."""
    from reports import charts

    drawn = []
    real = charts.render
    monkeypatch.setattr(charts, "render", lambda figure, fmt="svg": drawn.append(fmt) or real(figure, fmt))
    client = client_for("director")
    html = client.get(URL).content.decode()
    assert drawn == []
    src = re.search(r'<img src="(/reports/[^"]+)"', html).group(1)
    response = client.get(src)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml") and drawn == ["svg"]
    client.get(src)
    assert drawn == ["svg"]  # cached


def test_after_the_warm_up_the_page_is_a_cache_read(history, client_for, monkeypatch):
    from reports import cache as report_cache
    from reports import views

    report_cache.warm(["2011-2012"], languages=["en"], formats=())
    monkeypatch.setattr(views, "_annual_content", lambda *a: pytest.fail("rendered in the request"))
    for role in ("director", "admin"):
        assert client_for(role).get(URL).status_code == 200


def test_a_chart_is_a_png_too_gated_like_the_page(history, client_for):
    png = URL + "charts/figure-ii.png"
    response = client_for("director").get(png)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert client_for("officer").get(png).status_code == 404
    assert client_for("director").get(URL + "charts/figure-x.png").status_code == 404
    assert client_for("director").get(URL + "charts/figure-i.gif").status_code == 404
    assert client_for("director").get("/reports/annual/2011/charts/figure-i.png").status_code == 404


def test_the_warm_page_follows_a_change(history, client_for):
    """The rendered content is kept per data version: a change to the records shows at once."""
    from ethics_office.intake.models import ServiceRequest

    client = client_for("director")
    before = client.get(URL).content.decode()
    total = annual_report("2011-2012")["service_requests"]["total"]
    assert f"{total:,}<" in before
    ServiceRequest.objects.filter(received__range=("2011-08-01", "2012-07-31")).first().delete()
    after = client.get(URL).content.decode()
    assert f"{total - 1:,}<" in after and after != before


def test_counts_link_to_case_lists_only_for_the_office(history, client_for):
    """The Director (office) gets links to the lists behind the counts; the administrator gets none."""
    link = f'<a href="{reverse("retaliation-list")}">46</a>'
    assert link in client_for("director").get(URL).content.decode()
    assert link not in client_for("admin").get(URL).content.decode()


def test_the_period_selector_opens_the_chosen_period(client_for):
    response = client_for("admin").get("/reports/", {"period": "2010-2011"})
    assert response.status_code == 302 and response["Location"] == "/reports/annual/2010-2011/"
    assert client_for("admin").get("/reports/", {"period": "2010"}).status_code == 404


def test_the_page_speaks_chinese(history, client_for):
    client = client_for("admin")
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    html = client.get(URL).content.decode()
    assert "图一" in html and "管理事务部" in html
    assert "<caption>图一" in html


def test_the_page_speaks_arabic_right_to_left(history, client_for):
    client = client_for("admin")
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    html = client.get(URL).content.decode()
    assert 'dir="rtl"' in html and html.count("<details>") == 6
    assert "مكتب الأخلاقيات" in html or "الأخلاقيات" in html


def test_the_api_returns_the_report_json_and_records_an_export(history, client_for):
    """GET /api/reports/annual/2011-2012/ is the same JSON as the command prints."""
    response = client_for("director").get("/api/reports/annual/2011-2012/")
    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(annual_report("2011-2012")))
    assert AuditEvent.objects.filter(action=Action.EXPORT, object_id="2011-2012").exists()


def test_the_api_refuses_other_roles_and_bad_periods(client_for):
    assert client_for("officer").get("/api/reports/annual/2011-2012/").status_code == 403
    assert client_for(None).get("/api/reports/annual/2011-2012/").status_code == 401
    assert client_for("admin").get("/api/reports/annual/2011/").status_code == 404


def test_a_baseline_edited_in_the_admin_changes_figure_1(client_for, admin_user):
    """Administrators correct a period's baseline; the report uses it and the trail records it."""
    Baseline.objects.create(period="2006-2007", metric="service_requests", value=303)
    baseline = Baseline.objects.get()
    response = client_for("admin").post(
        reverse("admin:reports_baseline_change", args=[baseline.pk]),
        {"period": "2006-2007", "metric": "service_requests", "value": "310"},
    )
    assert response.status_code == 302
    assert annual_report("2011-2012")["service_requests"]["by_period"][0] == {
        "label": "2006-2007",
        "total": 310,
    }
    assert AuditEvent.objects.filter(object_type="reports.baseline", action=Action.UPDATE).exists()


# The upload and its jobs: tests/reports/test_import_jobs.py.


def test_the_page_costs_the_same_queries_for_few_and_many_records(client_for):
    """The page's queries do not grow with the number of records behind its counts."""
    from .test_queries import import_volume

    client = client_for("director")
    assert_queries_flat(lambda: get_ok(client, URL), import_volume, few=5, many=505, what="records")
