import datetime as dt

import pytest

pytestmark = pytest.mark.browser


def test_officer_records_a_workshop_with_its_attendance(page, login, people):
    """`officer` records a workshop from the browser with a two-person attendance list; the
    session page shows both people and a headcount of 2."""
    from ethics_office.organisation.models import DutyStation
    from outreach.models import TrainingSession

    nyc = DutyStation.objects.get(code="NYC")
    login("officer")
    page.goto("/outreach/sessions/new/")
    page.select_option("#id_kind", "workshop")
    page.select_option("#id_duty_station", str(nyc.pk))
    page.fill("#id_facilitator", "D000003")
    page.fill("#id_attendance", "D000001\nD000002")
    page.click("main button[type=submit].primary")
    page.wait_for_url("**/outreach/sessions/*/")
    assert page.locator("#participants").inner_text() == "2"
    table = page.locator("main table").inner_text()
    assert "Amina Okafor" in table and "Lars Eriksen" in table
    session = TrainingSession.objects.get()
    assert session.participants == 2
    assert session.facilitator.index_number == "D000003"


def test_panel_sees_the_panels_meetings_but_not_advice_requests(page, login, people):
    """A panel member sees the Panel's meetings but gets 404 on an advice request."""
    from advisory.models import AdviceCategory, AdviceRequest
    from ethics_office.intake.services import service_request_register
    from panel.services import meeting_create

    officer, staff = people["officer"], people["staff"]
    meeting = meeting_create(actor=officer, date=dt.date(2026, 1, 15), kind="formal")
    service_request = service_request_register(actor=staff, category="advice", requester=staff.person)
    advice = AdviceRequest.objects.create(
        service_request=service_request, category=AdviceCategory.objects.get(code="gifts_honours_awards")
    )
    login("panel")
    page.goto("/panel/")
    assert meeting.ref in page.locator("main").inner_text()
    page.click(f"text={meeting.ref}")
    page.wait_for_url(f"**/panel/meetings/{meeting.pk}/")
    response = page.goto(f"/advisory/requests/{advice.pk}/")
    assert response.status == 404
