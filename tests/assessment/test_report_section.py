"""The annual report gains a short section F when an assessment closed in its period."""

import datetime as dt

import pytest
from django.utils import translation

from assessment import services
from assessment.models import Assessment
from reports.document import build_document
from reports.queries import annual_report

from .conftest import answer, staff_in, tokens_for, wave

pytestmark = pytest.mark.django_db


def test_section_f_summarises_a_wave_closed_in_the_period(officer, director, instrument, settings):
    settings.ASSESSMENT_MIN_CELL = 2
    staff_in("MONUSCO", 4)
    a = wave(officer, director, instrument, ["MONUSCO"], 4)
    for token in tokens_for(a)[:3]:
        answer(token, likely=4, severe=5)
    services.assessment_close(actor=officer, assessment_id=a.pk, on=dt.date(2012, 6, 29))
    Assessment.objects.filter(pk=a.pk).update(fielded=dt.date(2012, 1, 16))
    report = annual_report("2011-2012")
    (summary,) = report["risk_assessment"]["waves"]
    assert summary["invited"] == 4 and summary["responses"] == 3 and summary["response_rate_pct"] == 75.0
    assert summary["top_risks"][0] == {"risk": "t-fear", "likelihood": 4.0, "severity": 5.0}
    document = build_document(report)
    section = [s for s in document.sections if s.title == "Ethics and reputational risk assessment"][0]
    assert "4 staff in 1 missions" in section.paragraphs[0] and "(75" in section.paragraphs[0]
    with translation.override("zh-hans"):
        assert any(s.title == "道德和声誉风险评估" for s in build_document(report).sections)
    assert annual_report("2010-2011")["risk_assessment"] == {"waves": []}
    assert not any("risk assessment" in s.title for s in build_document(annual_report("2010-2011")).sections)
