"""The office runs a cycle: draws the verification sample and sees who was drawn, works a conflict
item to done through two notes, and closes the cycle through the confirmation page."""

import datetime as dt

import pytest
from django.utils import timezone

from disclosure.models import ConflictItem, VerificationDraw
from tests.disclosure.factories import CycleFactory, FilerFactory
from tests.organisation.factories import PersonFactory

pytestmark = pytest.mark.browser


def test_an_officer_draws_works_a_conflict_to_done_and_closes_the_cycle(page, login, people):
    cycle = CycleFactory(year=timezone.localdate().year)
    filers = [
        FilerFactory(cycle=cycle, person=PersonFactory(name=f"Filer Number{n}", grade="P-4"), grade="P-4")
        for n in range(6)
    ]
    for filer in filers[:4]:
        filer.filed_on = cycle.opens_on + dt.timedelta(days=5)
        filer.save(update_fields=["filed_on"])
    item = ConflictItem.objects.create(
        filer=filers[0], kind="outside_activity", description="Board seat", follow_up="open"
    )
    login("officer")

    page.goto(f"/disclosure/cycles/{cycle.year}/verification/")
    page.fill("#id_size", "2")
    page.fill("#id_seed", "7")
    page.click("form[action$='/draw/'] button[type=submit]")
    page.wait_for_url(f"**/disclosure/cycles/{cycle.year}/verification/")
    draw = VerificationDraw.objects.get(cycle=cycle)
    drawn = page.locator("#drawn tbody tr")
    assert drawn.count() == 2
    names = set(drawn.locator("td:first-child").all_inner_texts())
    assert names == {f.person.name for f in filers if f.pk in draw.sampled}
    assert "P4-P5" in page.locator("#strata").inner_text()

    page.goto("/disclosure/conflicts/")
    page.click(f"#conflict-register a[href$='/conflicts/{item.pk}/']")
    page.fill("#id_note", "Called the filer about the board seat.")
    page.select_option("#id_follow_up", "following")
    page.click("main form button.primary")
    page.wait_for_load_state()
    assert "Being followed up" in page.locator("#conflict-status").inner_text()
    page.fill("#id_note", "Approval letter received and filed.")
    page.select_option("#id_follow_up", "done")
    page.click("main form button.primary")
    page.wait_for_load_state()
    timeline = page.locator("#conflict-timeline").inner_text()
    assert "Called the filer about the board seat." in timeline
    assert "Approval letter received and filed." in timeline
    assert page.locator("#conflict-status").inner_text() == "Done"

    page.goto(f"/disclosure/cycles/{cycle.year}/")
    page.click(f"a[href$='/cycles/{cycle.year}/close/']")
    assert "2 filers will be referred to OHRM" in page.locator("#consequence").inner_text()
    cycle.refresh_from_db()
    assert cycle.closed_on is None
    page.click("main form button.primary")
    page.wait_for_url(f"**/disclosure/cycles/{cycle.year}/")
    assert "2 filers referred to OHRM" in page.locator(".messages").inner_text()
    cycle.refresh_from_db()
    assert cycle.closed_on is not None
