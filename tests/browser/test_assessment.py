"""The risk assessment end to end in the browser: design, field, answer through the link, close,
results, register, publish, and the mission head's view."""

import re

import pytest
from django.core import mail

from ethics_office.organisation.models import Entity
from ethics_office.organisation.services import focal_point_assign
from ethics_office.site.second_factor import demo_enrol
from tests.assessment.conftest import staff_in

pytestmark = pytest.mark.browser


def test_design_field_answer_close_results_register(page, login, people, settings):
    settings.ASSESSMENT_MIN_CELL = 1
    staff_in("MONUSCO", 2)
    # staff2 heads MONUSCO here: a focal point of the mission's entity.
    focal_point_assign(actor=None, user=people["staff2"], entity=Entity.objects.get(code="MONUSCO"))
    # A focal point signs in with a second factor: staff2 gets the demo authenticator.
    demo_enrol(people["staff2"], settings.DEMO_TOTP_SECRET)

    # Design: a questionnaire with one section and one question.
    login("officer")
    page.goto("/assessment/questionnaires/")
    page.fill("#id_risk-code", "fear-of-retaliation")
    page.fill("#id_risk-name_en", "Fear of retaliation")
    page.fill("#id_risk-name_zh", "害怕遭到报复")
    page.select_option("#id_risk-category", "behavioural")
    page.click("#risk-form button[type=submit]")
    page.wait_for_load_state()
    assert "Fear of retaliation" in page.locator("#risks").inner_text()
    page.fill("#id_code", "pilot")
    page.fill("#id_title_en", "Pilot questionnaire")
    page.fill("#id_title_zh", "试点问卷")
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r"/assessment/questionnaires/\d+/$"))
    page.fill("#id_section-code", "culture")
    page.fill("#id_section-title_en", "Ethical culture")
    page.fill("#id_section-title_zh", "道德文化")
    page.click("#section-form button[type=submit]")
    page.wait_for_load_state()
    assert "Section added." in page.locator(".messages").inner_text()
    page.select_option("#id_item-section", label="Ethical culture")
    page.fill("#id_item-code", "speak-up")
    page.select_option("#id_item-kind", "agreement")
    page.fill("#id_item-text_en", "I can raise a concern without fear.")
    page.fill("#id_item-text_zh", "我可以无所顾虑地提出问题。")
    page.select_option("#id_item-risk", label="Fear of retaliation")
    page.click("#item-form button[type=submit]")
    page.wait_for_load_state()
    assert "Question added." in page.locator(".messages").inner_text()

    # The wave: MONUSCO, a sample of 2.
    page.goto("/assessment/new/")
    page.fill("#id_title", "Pilot wave")
    page.select_option("#id_instrument", label="Pilot questionnaire (v1)")
    page.get_by_label(re.compile(r"^MONUSCO —")).check()
    page.fill("#id_reference_date", "2012-01-01")
    page.fill("#id_sample_size", "2")
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r"/assessment/\d+/$"))
    detail = page.url
    page.click("#draw")
    page.wait_for_load_state()
    assert "Sample drawn." in page.locator(".messages").inner_text()
    assert page.locator("#strata tbody tr").count() == 1
    assert page.locator("#field").count() == 0  # only the Director fields

    # The Director approves fielding; the invitations go out.
    mail.outbox.clear()
    login("director")
    page.goto(detail)
    page.click("#field")
    page.wait_for_load_state()
    assert page.locator("#assessment-status").inner_text() == "In the field"
    assert len(mail.outbox) == 2
    link = re.search(r"(/assessment/respond/[^/\s]+/)", mail.outbox[0].body).group(1)

    # A sampled staff member answers through the link, signed out.
    page.context.clear_cookies()
    page.goto(link)
    page.check("input[name='speak-up'][value='4']")
    page.click("#submit-answers")
    page.wait_for_load_state()
    assert "recorded anonymously" in page.locator("#thanks").inner_text()
    assert page.goto(link).status == 404

    # The office closes fieldwork and reads the results.
    login("officer")
    page.goto(detail)
    page.click("#close")
    page.wait_for_load_state()
    assert page.locator("#assessment-status").inner_text() == "Closed"
    page.click("#results-link")
    page.wait_for_load_state()
    row = page.locator("#section-culture tr", has_text="I can raise a concern without fear.")
    assert row.locator("td").nth(0).inner_text() == "1"
    assert row.locator("td").nth(1).inner_text().startswith("4")
    assert page.locator("#heat-map img").count() == 1

    # The register: a finding owned by MONUSCO with a remedial action, tracked to done.
    page.select_option("#id_risk", label="Fear of retaliation")
    page.select_option("#id_owner", str(Entity.objects.get(code="MONUSCO").pk))
    page.fill("#id_evidence", "Staff fear retaliation.")
    page.fill("#id_likelihood", "4")
    page.fill("#id_severity", "4")
    page.click("#register-form button[type=submit]")
    page.wait_for_load_state()
    assert "Added to the risk register." in page.locator(".messages").inner_text()
    page.fill("#id_description", "Town-hall briefing on protection against retaliation")
    page.fill("#id_due_on", "2013-01-31")
    page.click("#action-form button[type=submit]")
    page.wait_for_load_state()
    assert "Remedial action added." in page.locator(".messages").inner_text()
    page.locator("#actions select").select_option("done")
    page.click("#actions button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#actions .action-status").inner_text() == "Done"

    # The Director publishes; the mission's head reads MONUSCO's results and its register entry only.
    login("director")
    page.goto(detail)
    page.click("#publish")
    page.wait_for_load_state()
    assert page.locator("#assessment-status").inner_text() == "Published"
    login("staff2")
    page.goto("/assessment/")
    page.locator("#assessments a", has_text="Pilot wave").click()
    page.wait_for_load_state()
    assert page.locator("#mission-MONUSCO").count() == 1
    assert page.locator("#strata").count() == 0 and page.locator("#heat-map").count() == 0
    assert "Fear of retaliation" in page.locator("#register").inner_text()
