"""Truthful notices: every open cycle covered, real focal points, their language, the entity
without a focal point flagged and never marked sent; the notices page and API."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from disclosure import selectors, services
from disclosure.models import ComplianceNotice
from ethics_office.organisation.models import Entity
from ethics_office.outbox.models import OutboxMessage

from .factories import CycleFactory, FilerFactory

TODAY = timezone.localdate()


@pytest.fixture
def two_open_cycles(people):
    """DM (focal point `focalpoint`) has outstanding filers in this year's and last year's open
    cycles; UNOG (no focal point, a head) in this year's; a 2011 cycle left open by an import."""
    Entity.objects.filter(code="UNOG").update(head_email="head.unog@example.un.org")
    this = CycleFactory(
        year=TODAY.year, opens_on=TODAY - dt.timedelta(days=90), deadline=TODAY - dt.timedelta(days=10)
    )
    last = CycleFactory(
        year=TODAY.year - 1, opens_on=dt.date(TODAY.year - 1, 3, 1), deadline=dt.date(TODAY.year - 1, 5, 31)
    )
    legacy = CycleFactory(
        year=2011,
        opens_on=dt.date(2011, 3, 1),
        deadline=dt.date(2011, 5, 31),
        closed_on=dt.date(2011, 12, 31),
    )
    FilerFactory(cycle=this, person=people["staff"].person, grade="P-3")  # DM
    FilerFactory(cycle=last, person=people["staff"].person, grade="P-3")  # DM again, last year
    FilerFactory(cycle=this, person=people["staff2"].person, grade="P-4")  # UNOG
    FilerFactory(cycle=legacy, person=people["staff2"].person, grade="P-4")
    return this, last


def _send(django_capture_on_commit_callbacks, actor=None):
    with django_capture_on_commit_callbacks(execute=True):
        return services.monthly_notices_send(actor=actor)


@pytest.mark.django_db
def test_one_notice_covers_every_open_cycle_and_goes_to_the_focal_point_in_their_language(
    two_open_cycles, people, django_capture_on_commit_callbacks
):
    people["focalpoint"].person.language = "zh-hans"
    people["focalpoint"].person.save()
    _send(django_capture_on_commit_callbacks)
    dm = ComplianceNotice.objects.get(entity__code="DM")
    assert dm.cycle_years == [TODAY.year, TODAY.year - 1] and dm.outstanding == 2
    assert dm.recipients == ["focalpoint@example.un.org"]
    assert [m.to for m in mail.outbox] == [["focalpoint@example.un.org"]]
    body = mail.outbox[0].body
    assert str(TODAY.year) in body and str(TODAY.year - 1) in body and "2011" not in body
    assert any("\u4e00" <= ch <= "\u9fff" for ch in mail.outbox[0].subject + body)
    unog = ComplianceNotice.objects.get(entity__code="UNOG")
    assert unog.recipients == [] and not OutboxMessage.objects.filter(object_id=str(unog.pk)).exists()
    assert not ComplianceNotice.objects.filter(cycle__year=2011).exists()


@pytest.mark.django_db
def test_the_notices_api_gives_the_fixed_fields_and_a_focal_point_sees_only_their_own(
    two_open_cycles, people, client_for, django_capture_on_commit_callbacks
):
    _send(django_capture_on_commit_callbacks)
    rows = client_for("officer").get(reverse("api-disclosure-notices")).json()["results"]
    by_entity = {r["entity"]: r for r in rows}
    dm = by_entity["DM"]
    assert set(dm) >= {"entity", "month", "cycle", "cycles", "recipients", "outstanding", "status", "sent_at"}
    assert dm["month"] == TODAY.strftime("%Y-%m") and dm["cycle"] == TODAY.year
    assert dm["cycles"] == [TODAY.year, TODAY.year - 1]
    assert dm["recipients"] == ["focalpoint@example.un.org"] and dm["outstanding"] == 2
    assert dm["status"] == "sent" and dm["sent_at"]
    assert by_entity["UNOG"]["status"] == "no_recipient" and by_entity["UNOG"]["sent_at"] is None
    mine = client_for("focalpoint").get(reverse("api-disclosure-notices")).json()["results"]
    assert [r["entity"] for r in mine] == ["DM"]
    flagged = client_for("director").get(reverse("api-disclosure-notices"), {"status": "no_recipient"}).json()
    assert [r["entity"] for r in flagged["results"]] == ["UNOG"]
    bad = client_for("director").get(reverse("api-disclosure-notices"), {"status": "posted"})
    assert bad.status_code == 400 and "status" in bad.json()["error"]["fields"]


@pytest.mark.django_db
def test_a_failed_delivery_shows_failed_not_sent(two_open_cycles, people, client_for, settings):
    """The notice's status comes from its e-mails: the mail server refusing makes it failed."""

    services.monthly_notices_send()
    rows = client_for("officer").get(reverse("api-disclosure-notices")).json()["results"]
    assert {r["entity"]: r["status"] for r in rows} == {"DM": "queued", "UNOG": "no_recipient"}
    OutboxMessage.objects.filter(kind="disclosure.notice").update(status="failed")
    rows = client_for("officer").get(reverse("api-disclosure-notices")).json()["results"]
    assert {r["entity"]: r["status"] for r in rows}["DM"] == "failed"


@pytest.mark.django_db
def test_the_office_sends_from_the_notices_page_and_sees_the_flag_and_the_text(
    two_open_cycles, people, client_for, django_capture_on_commit_callbacks
):
    officer = client_for("officer")
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(reverse("disclosure-notices-send"), follow=True)
    page = response.content.decode()
    assert "1 notices queued for delivery; 1 entities have no focal point" in page
    assert "No focal point — not sent" in page
    assert "Amina Okafor" in page  # the text sent, shown to the office
    fp_page = client_for("focalpoint").get(reverse("disclosure-notices")).content.decode()
    assert "Amina Okafor" in fp_page and "UNOG" not in fp_page
    assert client_for("staff").get(reverse("disclosure-notices")).status_code == 404


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_the_notice_lists_cost_the_same_for_1_or_50_notices(people, client_for):
    entities = list(Entity.objects.all()[:50])
    cycle = CycleFactory(year=TODAY.year, opens_on=TODAY, deadline=TODAY)

    def notice(i):
        n = ComplianceNotice.objects.create(
            entity=entities[i % len(entities)],
            month=dt.date(2000 + i, 1, 1),
            cycle=cycle,
            cycle_years=[cycle.year],
            recipients=["focalpoint@example.un.org"],
            outstanding=1,
        )
        OutboxMessage.objects.create(
            key=f"n{i}",
            kind="disclosure.notice",
            to=["focalpoint@example.un.org"],
            subject="S",
            body="B",
            object_type="disclosure.compliancenotice",
            object_id=str(n.pk),
        )

    notice(0)
    officer = client_for("officer")
    urls = [reverse("disclosure-notices"), reverse("api-disclosure-notices")]
    officer.get(urls[0])
    one = [_queries(officer, u) for u in urls]
    for i in range(1, 50):
        notice(i)
    assert [_queries(officer, u) for u in urls] == one


@pytest.mark.django_db
@pytest.mark.parametrize("vendor", ["postgresql", "sqlite"])
def test_a_cycles_notices_and_a_focal_points_own_on_either_database(vendor, people, monkeypatch):
    """The cycle page lists the notices naming its year, and a focal point sees the notices
    addressed to them, with PostgreSQL's JSON containment or, under SQLite (`make run`, which
    has none), without it: the same rows either way."""

    entities = list(Entity.objects.all()[:3])
    cycle = CycleFactory(year=2012, opens_on=dt.date(2012, 3, 1), deadline=dt.date(2012, 5, 31))
    naming = ComplianceNotice.objects.create(
        entity=entities[0],
        month=dt.date(2012, 7, 1),
        cycle=cycle,
        cycle_years=[2011, 2012],
        recipients=[people["focalpoint"].email],
        outstanding=2,
    )
    ComplianceNotice.objects.create(
        entity=entities[1],
        month=dt.date(2012, 7, 1),
        cycle=cycle,
        cycle_years=[2011],
        recipients=["someone.else@example.un.org"],
        outstanding=1,
    )
    if vendor == "sqlite":
        monkeypatch.setattr(selectors, "connection", type("C", (), {"vendor": "sqlite"})())
    assert [n.pk for n in selectors.notices_of_cycle(people["director"], 2012)] == [naming.pk]
    assert [n.pk for n in selectors.notices_visible_to(people["focalpoint"])] == [naming.pk]


def _expected_delivery(recipients, sent_at, statuses, times):
    """The delivery rule spelled out: no recipient; else from the e-mails (any failed, any not sent
    yet, all sent); a notice from before the outbox, with no e-mail, keeps its own sent_at."""
    if not recipients:
        status = "no_recipient"
    elif "failed" in statuses:
        status = "failed"
    elif any(s != "sent" for s in statuses) or (not statuses and sent_at is None):
        status = "queued"
    else:
        status = "sent"
    if not statuses:
        delivered = sent_at
    elif all(s == "sent" for s in statuses):
        delivered = max(times)
    else:
        delivered = None
    return status, delivered


def test_every_notice_status_and_delivery_time_follow_its_emails(people):
    """Each combination of recipients, the notice's own sent_at and its e-mails' states gives the
    status and delivery time of the rule; e-mails about other things never count."""
    entity = Entity.objects.get(code="DM")
    t0 = timezone.now() - dt.timedelta(days=3)
    mixes = [[], ["sent"], ["sent", "sent"], ["sent", "queued"], ["sent", "failed"], ["failed"], ["queued"]]
    mixes += [["sending", "sent"]]
    expected = {}
    month = dt.date(2000, 1, 1)
    for recipients in ([], ["fp@example.un.org"]):
        for sent_at in (None, t0):
            for statuses in mixes:
                month = (month + dt.timedelta(days=32)).replace(day=1)
                notice = ComplianceNotice.objects.create(
                    entity=entity, month=month, cycle_years=[2012], recipients=recipients, sent_at=sent_at
                )
                times = []
                for i, status in enumerate(statuses):
                    at = t0 + dt.timedelta(hours=i + 1) if status == "sent" else None
                    times.append(at)
                    OutboxMessage.objects.create(
                        key=f"n{notice.pk}-{i}",
                        kind="disclosure.notice",
                        subject="s",
                        body="b",
                        object_type="disclosure.compliancenotice",
                        object_id=str(notice.pk),
                        status=status,
                        sent_at=at,
                    )
                # The same id under another object type is someone else's e-mail.
                OutboxMessage.objects.create(
                    key=f"other{notice.pk}",
                    kind="other",
                    subject="s",
                    body="b",
                    object_type="advisory.advicerequest",
                    object_id=str(notice.pk),
                    status="failed",
                )
                expected[notice.pk] = _expected_delivery(recipients, sent_at, statuses, times)
    office = people["director"]
    got = {n.pk: (n.delivery_status, n.delivered_at) for n in selectors.notices_visible_to(office)}
    assert got == expected
    on_page = {n.pk: n.delivery_status for n in selectors.notices_of_cycle(office, 2012, limit=100)}
    assert on_page == {pk: status for pk, (status, _at) in expected.items()}
    for status in ("queued", "sent", "failed", "no_recipient"):
        filtered = set(
            selectors.notices_visible_to(office).filter(delivery_status=status).values_list("pk", flat=True)
        )
        assert filtered == {pk for pk, (s, _at) in expected.items() if s == status}
