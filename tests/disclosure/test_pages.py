"""Pages: what they show by role, and that list pages' query counts do not grow with rows."""

import datetime as dt
import io
import itertools

import pytest
from django.core.management import call_command
from django.utils import timezone

from disclosure import services
from disclosure.models import FilingCycle
from ethics_office.organisation.services import object_permission_grant
from tests.organisation.factories import PersonFactory
from tests.queries import assert_queries_flat, get_ok

from .factories import CycleFactory, FilerFactory

pytestmark = pytest.mark.django_db


def test_home_panels_by_role(staff_filer, reviewer, assign, client_for):
    """The filer sees their filing; the reviewer their queue; the focal point the outstanding count."""
    assign(reviewer, staff_filer)
    assert "Your financial disclosure" in client_for("staff").get("/").content.decode()
    assert "Statements to review" in client_for("reviewer").get("/").content.decode()
    assert "Filers outstanding" in client_for("focalpoint").get("/").content.decode()
    assert "Filer queries awaiting an answer" in client_for("officer").get("/").content.decode()


def test_the_reviewer_sees_assigned_filers_listed_and_nothing_else(
    staff_filer, staff2_filer, reviewer, assign, client_for
):
    assign(reviewer, staff_filer)
    page = client_for("reviewer").get("/disclosure/").content.decode()
    assert "Amina Okafor" in page and "Lars Eriksen" not in page


def test_the_office_sees_a_filing_with_review_forms_and_the_filer_the_statement_form(
    staff, staff_filer, client_for
):
    services.statement_start(actor=staff, filer_id=staff_filer.pk)
    office = client_for("officer").get(f"/disclosure/filings/{staff_filer.pk}/").content.decode()
    assert "Record outcome" in office and "Continue your statement" not in office
    own = client_for("staff").get(f"/disclosure/filings/{staff_filer.pk}/").content.decode()
    assert "Continue your statement" in own and "Record outcome" not in own


def test_the_office_opens_a_cycle_from_the_page(people, client_for):
    year = timezone.localdate().year + 1
    response = client_for("officer").post("/disclosure/cycles/", {"year": year, "deadline": f"{year}-04-30"})
    assert response.status_code == 302
    assert FilingCycle.objects.get(year=year).filers.filter(confirmed=False).exists()


def test_the_reencrypt_command_rewrites_every_statement(staff, staff_filer, settings):
    """After the command the stored statement is a new token the new key opens and the old key does not."""
    from cryptography.fernet import Fernet, InvalidToken
    from django.db import connection

    from disclosure.models import Statement

    def stored(pk):
        with connection.cursor() as cursor:
            cursor.execute("SELECT contents FROM disclosure_statement WHERE id = %s", [pk])
            return cursor.fetchone()[0].encode()

    statement = services.statement_start(actor=staff, filer_id=staff_filer.pk)
    services.statement_submit(
        actor=staff, statement_id=statement.pk, contents={"assets": ["Acme shares"]}, certified=True
    )
    old_key, new_key = settings.FIELD_ENCRYPTION_KEYS[0], Fernet.generate_key().decode()
    before = stored(statement.pk)
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    out = io.StringIO()
    call_command("disclosure_reencrypt", stdout=out)
    assert "Re-encrypted 1 rows." in out.getvalue()
    after = stored(statement.pk)
    assert after != before and b"Acme" not in after
    assert b"Acme shares" in Fernet(new_key.encode()).decrypt(after)
    with pytest.raises(InvalidToken):
        Fernet(old_key.encode()).decrypt(after)
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert Statement.objects.get(pk=statement.pk).contents["assets"] == ["Acme shares"]


def _filers(cycle, n):
    return [FilerFactory(cycle=cycle, person=PersonFactory()) for _ in range(n)]


def test_reviewer_index_query_count_is_flat(cycle, people, client_for):
    """A reviewer's index costs the same with 1 filer to review and with 50."""

    def assign(n):
        for filer in _filers(cycle, n):
            object_permission_grant(
                actor=people["officer"], user=people["reviewer"], perm="disclosure.review_filer", obj=filer
            )

    client = client_for("reviewer")
    assert_queries_flat(lambda: get_ok(client, "/disclosure/"), assign, what="filers")


def test_cycle_page_query_count_is_flat(cycle, client_for):
    """The cycle page costs the same with 1 filer and with 50."""
    client = client_for("officer")
    url = f"/disclosure/cycles/{cycle.year}/"
    assert_queries_flat(lambda: get_ok(client, url), lambda n: _filers(cycle, n), what="filers")


def test_query_list_query_count_is_flat(cycle, people, client_for):
    """The list of open queries costs the same with 1 query and with 50."""

    def ask(n):
        for filer in _filers(cycle, n):
            now = timezone.now()
            filer.queries.create(question="Q?", asked_at=now, due_at=now + dt.timedelta(hours=48))

    client = client_for("officer")
    assert_queries_flat(lambda: get_ok(client, "/disclosure/queries/"), ask, what="queries")


@pytest.mark.parametrize("url", ["/disclosure/cycles/", "/api/disclosure/cycles/"])
def test_cycle_list_and_api_query_counts_are_flat(url, people, client_for):
    """The list of cycles, page and API, costs the same with 1 cycle and with 50."""
    years = itertools.count(2013)

    def open_cycles(n):
        for _ in range(n):
            year = next(years)
            FilingCycle.objects.create(year=year, opens_on=dt.date(year, 3, 1), deadline=dt.date(year, 4, 30))

    client = client_for("officer")
    assert_queries_flat(lambda: get_ok(client, url), open_cycles, what="cycles")


def test_a_focal_point_designates_through_the_page_only_within_their_entity(cycle, people, client_for):
    """DM's focal point designates a DM colleague; a UNOG index number is simply not found."""
    client = client_for("focalpoint")
    ok = client.post(
        "/disclosure/designate/", {"index_number": "D000001", "reason": "Joined the procurement team"}
    )
    assert ok.status_code == 302
    assert (
        cycle.filers.get(person__index_number="D000001").designation_reason == "Joined the procurement team"
    )
    refused = client.post("/disclosure/designate/", {"index_number": "D000002", "reason": "x"})
    assert refused.status_code == 200
    assert "No person with this index number" in refused.content.decode()
    assert not cycle.filers.filter(person__index_number="D000002").exists()


def test_the_office_confirms_only_the_ticked_proposals(people, client_for, officer):
    year = timezone.localdate().year + 1
    cycle = services.cycle_open(actor=officer, year=year, deadline=dt.date(year, 4, 30))
    first, *rest = list(cycle.filers.order_by("pk"))
    response = client_for("officer").post(f"/disclosure/cycles/{year}/confirm/", {"filers": [first.pk]})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.confirmed
    assert not cycle.filers.filter(pk__in=[f.pk for f in rest], confirmed=True).exists()


def test_the_cycle_page_kept_under_the_data_version_shows_a_confirmation_at_once(people, client_for, officer):
    """The page of filers is kept for its person and query (issue 17); confirming filers moves the
    data version on, so the page opened right after shows the new count and the new rows."""
    year = timezone.localdate().year + 1
    cycle = services.cycle_open(actor=officer, year=year, deadline=dt.date(year, 4, 30))
    proposed = cycle.filers.count()
    client = client_for("officer")
    url = f"/disclosure/cycles/{year}/"

    def shown():
        text = client.get(url).content.decode()
        return text.split("Proposed, awaiting confirmation</dt><dd>")[1].split("<")[0]

    assert shown() == str(proposed)
    assert shown() == str(proposed)  # read back: nothing changed
    first = cycle.filers.order_by("pk").first()
    assert client.post(f"/disclosure/cycles/{year}/confirm/", {"filers": [first.pk]}).status_code == 302
    assert shown() == str(proposed - 1)


def test_the_cycle_page_counts_its_filers_and_the_proposed_ones_exactly(cycle, client_for):
    """The total under the filers and the proposed count are both exact: with 105 filers of whom
    5 are proposed, the second page shows "101 to 105 of 105 results" and 5 proposed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ethics_office.base import dataversion

    _filers(cycle, 100)
    for filer in _filers(cycle, 5):
        filer.confirmed = False
        filer.save(update_fields=["confirmed"])
    dataversion._bump()
    with CaptureQueriesContext(connection) as ctx:
        text = get_ok(client_for("officer"), f"/disclosure/cycles/{cycle.year}/?page=2").content.decode()
    assert "Showing 101 to 105 of 105 results" in text
    assert text.split("Proposed, awaiting confirmation</dt><dd>")[1].split("<")[0] == "5"
    # The rows are read with their person and entity; the counts join neither (RowsPaginator).
    counts = [
        q["sql"] for q in ctx.captured_queries if 'COUNT(*) AS "__count" FROM "disclosure_filer"' in q["sql"]
    ]
    assert len(counts) == 2 and not any("organisation_person" in sql for sql in counts), counts


def test_the_cycle_page_rows_link_each_filer_and_escape_their_names(cycle, client_for):
    """Each row links to the filer's filing page, shows the name escaped (a name is never markup),
    the index number, entity and grade, and says whether they filed; a cycle without filers says so."""
    from django.urls import reverse

    from ethics_office.base import dataversion

    client = client_for("officer")
    empty = CycleFactory(year=cycle.year + 5, opens_on=cycle.opens_on, deadline=cycle.deadline)
    assert "No filers." in get_ok(client, f"/disclosure/cycles/{empty.year}/").content.decode()
    filed = FilerFactory(cycle=cycle, person=PersonFactory(name="<b>Ada</b> & co"), grade="P-4")
    filed.filed_on = dt.date(cycle.year, 3, 1)
    filed.save(update_fields=["filed_on"])
    dataversion._bump()
    text = get_ok(client, f"/disclosure/cycles/{cycle.year}/").content.decode()
    assert "No filers." not in text and "<b>Ada</b>" not in text
    row = text.split(f'value="{filed.pk}"')[1].split("</tr>")[0]
    assert (
        f'<a href="{reverse("disclosure-filing", args=[filed.pk])}">&lt;b&gt;Ada&lt;/b&gt; &amp; co</a>'
        in row
    )
    assert f"<td>{filed.person.index_number}</td><td>{filed.entity.code}</td><td>P-4</td>" in row
    assert "<td>Filed</td>" in row


def test_the_cycle_page_shows_its_draw_and_referrals_at_once_after_each(people, officer, cycle, client_for):
    """The draw and the referrals are kept with the page under the data version: a draw made, then
    the cycle closed, each shows on the next opening — the draw's size and the referred filer's
    name with a link to the letter."""
    from django.urls import reverse

    outstanding = FilerFactory(cycle=cycle, person=people["staff"].person, grade="P-3")
    FilerFactory(cycle=cycle, person=people["staff2"].person, grade="P-4", filed_on=timezone.localdate())
    client = client_for("officer")
    url = f"/disclosure/cycles/{cycle.year}/"
    text = get_ok(client, url).content.decode()
    assert "No draw yet." in text and "referral letter" not in text
    services.verification_draw(actor=officer, cycle_id=cycle.pk, size=1, seed=42)
    text = get_ok(client, url).content.decode()
    assert "No draw yet." not in text and ": 1 filers, plus 0 carried over." in text
    (referral,) = services.cycle_close(actor=officer, cycle_id=cycle.pk)
    text = get_ok(client, url).content.decode()
    letter = reverse("disclosure-referral-letter", args=[referral.pk])
    assert f'<li>{outstanding.person.name} — <a href="{letter}">referral letter</a></li>' in text
