"""The conflicts register: one page, filterable and sortable, flat in queries; each item's history
an append-only timeline; overdue follow-ups on officers' home pages."""

import datetime as dt

import pytest
from django.db import DatabaseError, transaction
from django.utils import timezone

from disclosure import services
from disclosure.models import ConflictEvent, ConflictItem, FollowUp
from ethics_office.base.errors import ApplicationError
from tests.queries import assert_queries_flat, get_ok

from .factories import FilerFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def item(reviewer, officer, staff_filer, assign):
    assign(reviewer, staff_filer)
    return services.conflict_item_add(
        actor=reviewer,
        filer_id=staff_filer.pk,
        kind="outside_activity",
        description="Board seat",
        recommended_resolution="approval_granted",
    )


def test_two_notes_are_both_kept_in_order(officer, item):
    """A second note never replaces the first: the timeline holds both, after the item's creation."""
    services.conflict_item_update(
        actor=officer, item_id=item.pk, note="Called the filer.", follow_up="following"
    )
    services.conflict_item_update(
        actor=officer, item_id=item.pk, note="Approval letter received.", follow_up="done"
    )
    events = list(item.events.order_by("at", "pk"))
    assert [e.kind for e in events] == ["created", "follow_up", "follow_up"]
    assert [e.note for e in events[1:]] == ["Called the filer.", "Approval letter received."]
    assert [e.follow_up for e in events] == ["open", "following", "done"]
    item.refresh_from_db()
    assert item.follow_up == FollowUp.DONE


def test_the_resolution_form_appends_to_the_timeline(officer, item):
    services.conflict_resolution_set(
        actor=officer, item_id=item.pk, resolution="recusal", follow_up="open", note="x"
    )
    assert item.events.filter(kind="resolution", resolution="recusal").exists()


def test_timeline_entries_cannot_be_changed_or_deleted(officer, item):
    event = item.events.get()
    with pytest.raises(DatabaseError), transaction.atomic():
        ConflictEvent.objects.filter(pk=event.pk).update(note="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic():
        ConflictEvent.objects.filter(pk=event.pk).delete()
    assert ConflictEvent.objects.get(pk=event.pk).note == "Board seat"


def test_an_empty_update_is_refused_and_an_owner_must_be_in_the_office(officer, staff, item):
    with pytest.raises(ApplicationError) as refused:
        services.conflict_item_update(actor=officer, item_id=item.pk, note="  ")
    assert refused.value.field == "note"
    with pytest.raises(ApplicationError) as refused:
        services.conflict_item_update(actor=officer, item_id=item.pk, owner=staff)
    assert refused.value.field == "owner"
    assert item.events.count() == 1


def test_the_register_filters_and_sorts(officer, officer2, client_for, item, staff2_filer):
    other = ConflictItem.objects.create(filer=staff2_filer, kind="financial_interest", follow_up="done")
    services.conflict_item_update(
        actor=officer, item_id=item.pk, owner=officer2, follow_up_due=TODAY - dt.timedelta(days=2)
    )
    client = client_for("officer")
    everything = client.get("/disclosure/conflicts/").content.decode()
    assert "2 conflict items" in everything
    open_only = client.get("/disclosure/conflicts/?status=not_done").content.decode()
    assert "1 conflict item" in open_only and "Outside activities" in open_only
    by_kind = client.get("/disclosure/conflicts/?kind=financial_interest").context["page"]
    assert [i.pk for i in by_kind] == [other.pk]
    overdue = client.get("/disclosure/conflicts/?overdue=1").context["page"]
    assert [i.pk for i in overdue] == [item.pk]
    owned = client.get(f"/disclosure/conflicts/?owner={officer2.pk}").context["page"]
    assert [i.pk for i in owned] == [item.pk]
    by_filer = client.get("/disclosure/conflicts/?sort=filer").context["page"]
    names = [i.filer.person.name for i in by_filer]
    assert names == sorted(names)


def test_the_register_costs_the_same_queries_for_1_and_50_items(officer, client_for, cycle):
    client = client_for("officer")

    def add(n):
        for _ in range(n):
            ConflictItem.objects.create(
                filer=FilerFactory(cycle=cycle),
                kind="outside_activity",
                follow_up="open",
                owner=officer,
                identified_on=TODAY,
            )

    assert_queries_flat(lambda: get_ok(client, "/disclosure/conflicts/"), add, what="conflict items")
    page = get_ok(client, "/disclosure/conflicts/")
    assert len(page.context["page"]) == ConflictItem.objects.count() == 50


def test_overdue_follow_ups_appear_on_the_officers_home_page(officer, officer2, client_for, item):
    services.conflict_item_update(
        actor=officer, item_id=item.pk, owner=officer, follow_up_due=TODAY - dt.timedelta(days=1)
    )
    assert "Conflict follow-ups overdue" in client_for("officer").get("/").content.decode()
    assert "Conflict follow-ups overdue" not in client_for("officer2").get("/").content.decode()
    services.conflict_item_update(actor=officer, item_id=item.pk, follow_up="done")
    assert "Conflict follow-ups overdue" not in client_for("officer").get("/").content.decode()


def test_the_item_page_adds_a_note_through_the_form(officer, client_for, item):
    client = client_for("officer")
    response = client.post(f"/disclosure/conflicts/{item.pk}/", {"note": "Spoke to the filer."})
    assert response.status_code == 302
    page = client.get(f"/disclosure/conflicts/{item.pk}/").content.decode()
    assert "Spoke to the filer." in page and "Board seat" in page


def test_each_row_prints_its_values_in_the_persons_language(
    officer, officer2, client_for, item, staff2_filer
):
    """The rows are worked out once a page (the labels, the links, the dates): an owned, overdue,
    resolved item and an unowned, done, unresolved one print what their fields say."""
    from django.template.defaultfilters import date as date_filter
    from django.urls import reverse
    from django.utils import translation

    services.conflict_resolution_set(
        actor=officer, item_id=item.pk, resolution="recusal", follow_up="open", note="x"
    )
    due = TODAY - dt.timedelta(days=2)
    services.conflict_item_update(actor=officer, item_id=item.pk, owner=officer2, follow_up_due=due)
    done = ConflictItem.objects.create(filer=staff2_filer, kind="financial_interest", follow_up="done")
    owner = officer2.get_full_name() or officer2.username
    client = client_for("officer")
    for language, words in (
        ("en", ("Recusal", "overdue", "Done")),
        ("fr", ("Récusation", "en retard", "Terminé")),
    ):
        client.cookies["django_language"] = language
        page = client.get("/disclosure/conflicts/?sort=filer").content.decode()
        with translation.override(language):
            shown_due = date_filter(due, "DATE_FORMAT")
        rows = page[page.index("<tbody>") : page.index("</tbody>")]
        first, second = (
            rows.index(f'href="{reverse("disclosure-conflict", args=[pk])}"') for pk in (item.pk, done.pk)
        )
        owned = rows[first:second] if first < second else rows[first:]
        unowned = rows[second:first] if second < first else rows[second:]
        assert f"<td>{owner}</td>" in owned and words[0] in owned
        assert f'<td>{shown_due} <span class="status">{words[1]}</span></td>' in owned
        assert '<tr class="overdue">' in rows
        assert '<td class="num">0</td>' in unowned  # done today: its age stops at its last change
        assert f'<td class="conflict-status">{words[2]}</td>' in unowned
        assert unowned.count("<td>—</td>") >= 3  # no owner, no resolution, no due date
