"""Every read of the programme that users can reach.

Two levels of visibility: *status* (who must file, who filed, when) reaches focal points for
their entities; *content* (the statement) reaches only the filer, the reviewer assigned to
that filer and the Ethics Office.
"""

import datetime as dt
import json

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    DateTimeField,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    TextChoices,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.db.models.lookups import Exact, GreaterThan
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import get_objects_for_user

from ethics_office.base.gates import office_rows
from ethics_office.base.roles import Role, has_role, is_office
from ethics_office.base.sorting import order_for, sorted_by
from ethics_office.organisation.selectors import focal_point_entities
from ethics_office.outbox.models import OutboxMessage
from ethics_office.outbox.models import Status as OutboxStatus

from .models import (
    ComplianceNotice,
    ConflictItem,
    Correspondence,
    Filer,
    FilerQuery,
    FilingCycle,
    FollowUp,
    PublicDisclosure,
    PublicDisclosureChoice,
    Referral,
    Statement,
    StatementStatus,
    VerificationDocument,
    VerificationDraw,
)


def reviewer_filers(user):
    """Filers this external reviewer is assigned to (object permission, never global)."""
    if not has_role(user, Role.REVIEWER):
        return Filer.objects.none()
    return get_objects_for_user(
        user, "disclosure.review_filer", klass=Filer, with_superuser=False, accept_global_perms=False
    )


def _with_deadline(qs):
    return qs.annotate(
        effective_deadline=Coalesce(F("own_deadline"), F("cycle__deadline"), output_field=DateField())
    )


def filers_visible_to(user):
    """Filers whose *status* the user may see: own, assigned, their entities' (focal point), all (office)."""
    base = _with_deadline(Filer.objects.select_related("cycle", "person", "entity", "duty_station"))
    if not user.is_authenticated:
        return base.none()
    if is_office(user):
        return base
    condition = Q(person__user=user)
    if has_role(user, Role.FOCAL_POINT):
        condition |= Q(entity__in=focal_point_entities(user))
    if has_role(user, Role.REVIEWER):
        condition |= Q(pk__in=reviewer_filers(user).values("pk"))
    return base.filter(condition)


def filings_with_content_visible_to(user):
    """Filers whose *statement* the user may read: the filer, the assigned reviewer, the office.

    Focal points are deliberately absent: they see status, never content.
    """
    base = _with_deadline(Filer.objects.select_related("cycle", "person", "entity", "duty_station"))
    if not user.is_authenticated:
        return base.none()
    if is_office(user):
        return base
    condition = Q(person__user=user)
    if has_role(user, Role.REVIEWER):
        condition |= Q(pk__in=reviewer_filers(user).values("pk"))
    return base.filter(condition)


def statements_visible_to(user):
    """The filer reads all their versions, drafts included; the reviewer and the office only submitted ones."""
    base = Statement.objects.select_related("filer__person", "filer__cycle")
    if not user.is_authenticated:
        return base.none()
    own = Q(filer__person__user=user)
    submitted = Q(
        status=StatementStatus.SUBMITTED, filer__in=filings_with_content_visible_to(user).values("pk")
    )
    return base.filter(own | submitted)


def own_filings(user):
    if not user.is_authenticated:
        return Filer.objects.none()
    return _with_deadline(
        Filer.objects.select_related("cycle", "entity").filter(person__user=user, confirmed=True)
    ).order_by("-cycle__year")


def cycles_visible_to(user):
    """Cycle dates are not confidential: every signed-in user may read them."""
    if not user.is_authenticated:
        return FilingCycle.objects.none()
    return FilingCycle.objects.all()


def current_cycle():
    return FilingCycle.objects.filter(closed_on__isnull=True).order_by("-year").first()


def compliance_entities(user):
    """Entities whose compliance the user may follow: all (office) or their own (focal point)."""
    from ethics_office.organisation.models import Entity

    if is_office(user):
        return Entity.objects.all()
    return focal_point_entities(user)


# The filer lists of one cycle (a few thousand rows at most, found through the cycle's index):
# ?sort=field or ?sort=-field; anything else keeps the default order.
COMPLIANCE_ORDERS = {
    "filer": ("person__name", "id"),
    "entity": ("entity__code", "person__name", "id"),
    "filed": (F("filed_on").asc(nulls_last=True), "id"),
    "deadline": ("effective_deadline", "id"),
}
CYCLE_FILER_ORDERS = {
    "filer": ("person__name", "id"),
    "entity": ("entity__code", "person__name", "id"),
    "grade": ("grade", "person__name", "id"),
    "confirmed": ("confirmed", "entity__code", "person__name", "id"),
}


def compliance_rows(user, cycle, *, today: dt.date, entity=None, sort: str | None = None):
    """Confirmed filers of a cycle in the entities the user follows, with status and days overdue.

    Only status columns: nothing here joins the statement table.
    """
    qs = _with_deadline(
        Filer.objects.filter(cycle=cycle, confirmed=True, entity__in=compliance_entities(user))
        .select_related("person", "entity")
        .only(
            "id",
            "filed_on",
            "own_deadline",
            "grade",
            "first_time",
            "cycle__deadline",
            "person__name",
            "person__index_number",
            "entity__code",
            "entity__name",
            "entity__name_zh",
        )
    )
    if entity is not None:
        qs = qs.filter(entity=entity)
    return qs.order_by(*order_for(sort, COMPLIANCE_ORDERS, ("entity__code", "person__name", "id")))


def compliance_summary(user, cycle, *, today: dt.date):
    """One row per entity the user follows: filers, filed, outstanding, overdue (one query)."""
    return (
        _with_deadline(
            Filer.objects.filter(cycle=cycle, confirmed=True, entity__in=compliance_entities(user))
        )
        .values("entity__code", "entity__name")
        .annotate(
            total=Count("pk"),
            filed=Count("pk", filter=Q(filed_on__isnull=False)),
            outstanding=Count("pk", filter=Q(filed_on__isnull=True)),
            overdue=Count("pk", filter=Q(filed_on__isnull=True, effective_deadline__lt=today)),
        )
        .order_by("entity__code")
    )


def filers_to_refer(cycle):
    """Confirmed filers who have not filed and are not referred yet: closing refers them to OHRM."""
    return Filer.objects.filter(cycle=cycle, confirmed=True, filed_on__isnull=True, referral__isnull=True)


def outstanding_filers(cycle, *, today: dt.date):
    """Confirmed filers who have not filed and whose deadline has passed."""
    return (
        _with_deadline(Filer.objects.filter(cycle=cycle, confirmed=True, filed_on__isnull=True))
        .filter(effective_deadline__lt=today)
        .select_related("person", "entity")
        .order_by("entity__code", "person__name")
    )


def unfiled_in_open_cycles():
    """Confirmed filers of open cycles who have not filed, deadline or not (for reminders)."""
    return _with_deadline(
        Filer.objects.filter(cycle__closed_on__isnull=True, confirmed=True, filed_on__isnull=True)
    ).select_related("person", "cycle")


def conflicts_visible_to(user):
    return ConflictItem.objects.select_related("filer__person", "filer__cycle").filter(
        filer__in=filings_with_content_visible_to(user).values("pk")
    )


def correspondence_visible_to(user):
    return Correspondence.objects.filter(filer__in=filings_with_content_visible_to(user).values("pk"))


def documents_visible_to(user):
    return VerificationDocument.objects.select_related("filer").filter(
        filer__in=filings_with_content_visible_to(user).values("pk")
    )


def queries_visible_to(user):
    base = FilerQuery.objects.select_related("filer__person", "filer__cycle")
    if is_office(user):
        return base
    if not user.is_authenticated:
        return base.none()
    return base.filter(filer__person__user=user)


def referrals_visible_to(user):
    base = Referral.objects.select_related("filer__person", "filer__entity", "filer__cycle")
    return office_rows(user, base)


def cycle_referral_rows(user, cycle) -> list:
    """The cycle page's referrals: (referral id, filer's name) in the referrals' order, newest first."""
    return list(
        office_rows(user, Referral.objects.filter(filer__cycle=cycle)).values_list(
            "pk", "filer__person__name"
        )
    )


class NoticeStatus(TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    NO_RECIPIENT = "no_recipient", _("No focal point — not sent")


def _notice_messages():
    """A notice's e-mails in the outbox, as a subquery of the notice (one row with their aggregates)."""
    return (
        OutboxMessage.objects.filter(
            object_type="disclosure.compliancenotice", object_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by()
        .values("object_type")
    )


# The delivery of a notice, each column one subquery over its e-mails. (Referring to annotations
# of counts from a `Case` made Django write every count out again at each reference: eleven
# subqueries built and compiled for one list, ~5 ms at each opening of the cycle page.)
def _failed():
    return Count("pk", filter=Q(status=OutboxStatus.FAILED))


def _unsent():
    return Count("pk", filter=~Q(status=OutboxStatus.SENT))


def _delivery_status():
    """no_recipient; else from its e-mails: failed if any failed, queued if any is not sent yet,
    else sent; a notice with no e-mail (from before the outbox) is sent if it has its own sent_at."""
    from_messages = _notice_messages().annotate(
        s=Case(
            When(GreaterThan(_failed(), 0), then=Value(NoticeStatus.FAILED.value)),
            When(GreaterThan(_unsent(), 0), then=Value(NoticeStatus.QUEUED.value)),
            default=Value(NoticeStatus.SENT.value),
            output_field=CharField(),
        )
    )
    return Case(
        When(recipients=[], then=Value(NoticeStatus.NO_RECIPIENT.value)),
        default=Coalesce(
            Subquery(from_messages.values("s")[:1]),
            Case(
                When(sent_at__isnull=True, then=Value(NoticeStatus.QUEUED.value)),
                default=Value(NoticeStatus.SENT.value),
            ),
        ),
        output_field=CharField(),
    )


def _delivered_at():
    """When its last e-mail went, once all of them went; a notice with no e-mail, its own sent_at."""
    from_messages = _notice_messages().annotate(
        t=Case(When(Exact(_unsent(), 0), then=Max("sent_at")), default=None, output_field=DateTimeField())
    )
    return Case(
        When(Exists(_notice_messages()), then=Subquery(from_messages.values("t")[:1])),
        default=F("sent_at"),
        output_field=DateTimeField(),
    )


def _notices_of(user, base):
    """`base` (notices) narrowed to those `user` may see."""
    if is_office(user):
        return base
    if has_role(user, Role.FOCAL_POINT) and user.email:
        if connection.vendor == "postgresql":
            return base.filter(recipients__contains=[user.email])
        # SQLite (`make run`) has no JSON containment: the address, quoted, in the list's text.
        return base.filter(recipients__icontains=json.dumps(user.email))
    return base.none()


def notices_visible_to(user):
    """The office sees every notice; a focal point, the notices addressed to them.

    Each row carries `delivery_status` (queued, sent, failed, no_recipient) and `delivered_at`, taken
    from its outbox messages (notices from before the outbox keep their own `sent_at`)."""
    base = ComplianceNotice.objects.select_related("entity").annotate(
        delivery_status=_delivery_status(), delivered_at=_delivered_at()
    )
    return _notices_of(user, base)


def notice_texts(user, notices) -> dict[int, list]:
    """The e-mails of these notices, by notice id: all of them for the office, a focal point's own
    for a focal point. One query for the page."""
    ids = {str(n.pk): n.pk for n in notices}
    if not ids:
        return {}
    messages = OutboxMessage.objects.filter(object_type="disclosure.compliancenotice", object_id__in=ids)
    texts: dict[int, list] = {}
    for m in messages.order_by("pk"):
        if is_office(user) or (user.email and user.email in m.to):
            texts.setdefault(ids[m.object_id], []).append(m)
    return texts


def public_disclosures(cycle=None):
    """The public page: participants and their choice; the approved summary only for full disclosure."""
    # Those who declined did not take part: the page never names them.
    qs = (
        PublicDisclosure.objects.exclude(choice=PublicDisclosureChoice.DECLINED)
        .select_related("filer__person", "filer__cycle", "filer__entity")
        .order_by("-filer__cycle__year", "filer__person__name")
    )
    if cycle is not None:
        qs = qs.filter(filer__cycle=cycle)
    return qs


def previous_statement(filer):
    """The filer's last submitted statement from an earlier cycle: it pre-fills the new one."""
    return (
        Statement.objects.filter(
            filer__person_id=filer.person_id,
            filer__cycle__year__lt=filer.cycle.year,
            status=StatementStatus.SUBMITTED,
        )
        .order_by("-filer__cycle__year", "-version")
        .only("contents")
        .first()
    )


# --- the conflicts register and the verification page ------------------------------------

# ?sort=field or ?sort=-field (every column turned; empty dates and owners stay last). The
# register is the office's open items of a few cycles (hundreds to a few thousand rows).
REGISTER_ORDERS = {
    "identified": ("identified", "pk"),
    "age": ("-identified", "-pk"),
    "due": (F("follow_up_due").asc(nulls_last=True), "pk"),
    "filer": ("filer__person__name", "pk"),
    "kind": ("kind", "pk"),
    "status": ("follow_up", "pk"),
    "owner": (F("owner__username").asc(nulls_last=True), "pk"),
}
REGISTER_DEFAULT_ORDER = REGISTER_ORDERS["due"]


def conflict_register(
    user, *, cycle=None, status="", kind="", owner=None, overdue=False, sort="", today=None
):
    """Every conflict item the office follows, with what the register shows, in one query."""
    if not is_office(user):
        return ConflictItem.objects.none()
    qs = ConflictItem.objects.select_related(
        "filer__person", "filer__cycle", "filer__entity", "owner"
    ).annotate(identified=Coalesce(F("identified_on"), TruncDate("created_at"), output_field=DateField()))
    if cycle is not None:
        qs = qs.filter(filer__cycle=cycle)
    if status == "not_done":
        qs = qs.exclude(follow_up=FollowUp.DONE)
    elif status:
        qs = qs.filter(follow_up=status)
    if kind:
        qs = qs.filter(kind=kind)
    if owner == "none":
        qs = qs.filter(owner__isnull=True)
    elif owner:
        qs = qs.filter(owner_id=owner)
    if overdue:
        qs = overdue_follow_ups(qs, today=today)
    return qs.order_by(*order_for(sort, REGISTER_ORDERS, REGISTER_DEFAULT_ORDER))


def overdue_follow_ups(qs, *, today):
    return qs.exclude(follow_up=FollowUp.DONE).filter(follow_up_due__lt=today)


def overdue_follow_ups_for(user, *, today):
    """Overdue follow-ups this officer owns, or that nobody owns yet."""
    if not is_office(user):
        return ConflictItem.objects.none()
    return overdue_follow_ups(ConflictItem.objects.filter(Q(owner=user) | Q(owner__isnull=True)), today=today)


def conflict_events(item):
    return item.events.select_related("actor", "owner").order_by("at", "pk")


def verification_draws_visible_to(user, cycle):
    if not is_office(user):
        return VerificationDraw.objects.none()
    return (
        VerificationDraw.objects.filter(cycle=cycle).select_related("drawn_by").order_by("-drawn_at", "-pk")
    )


def current_draw_facts(user, cycle) -> dict | None:
    """What the cycle page says of its current (not superseded) draw: when, and whom it selected."""
    if not is_office(user):
        return None
    return (
        VerificationDraw.objects.filter(cycle=cycle, superseded_at__isnull=True)
        .order_by("-drawn_at", "-pk")
        .values("drawn_at", "sampled", "carried_over")
        .first()
    )


def verification_drawn_filers(user, draw):
    """The filers a draw selected, with their document status (one query whatever the count)."""
    if draw is None or not is_office(user):
        return Filer.objects.none()
    return (
        Filer.objects.filter(pk__in=[*draw.sampled, *draw.carried_over])
        .select_related("person", "entity", "duty_station")
        .annotate(documents=Count("verification_documents"))
        .order_by("entity__code", "person__name", "pk")
    )


# What a row of the cycle page shows (disclosure/_cycle_filers.html), in this order: tuples of the
# columns the row prints, no model objects. Building the filer, cycle, person, entity and duty
# station of every column for 100 rows cost more than the query itself (docs/performance.md).
CYCLE_FILER_COLUMNS = (
    "pk",
    "person__name",
    "person__index_number",
    "entity__code",
    "grade",
    "confirmed",
    "filed_on",
)


def cycle_filer_rows(filers):
    """The cycle page's rows of `filers` (a `filers_visible_to` queryset): CYCLE_FILER_COLUMNS only."""
    return filers.values_list(*CYCLE_FILER_COLUMNS)


def sorted_filers(filers, sort: str | None):
    """A cycle's filers in the order the page's headers ask for (CYCLE_FILER_ORDERS)."""
    return sorted_by(filers, sort, CYCLE_FILER_ORDERS)


def notices_of_cycle(user, year: int, *, limit: int = 50) -> list:
    """The notices `user` may see that name the cycle `year` (a notice lists every cycle whose
    filers it chases), with what the cycle page shows of them: month, entity, outstanding filers
    and `delivery_status`. PostgreSQL finds them with the JSON containment index; SQLite (`make
    run`) has no JSON containment, so there the demo's few notices are read and picked out here."""
    notices = _notices_of(
        user,
        ComplianceNotice.objects.select_related("entity")
        .only("month", "outstanding", "cycle_years", "entity__code")
        .annotate(delivery_status=_delivery_status()),
    )
    if connection.vendor == "postgresql":
        return list(notices.filter(cycle_years__contains=[year])[:limit])
    return [n for n in notices.iterator() if year in (n.cycle_years or [])][:limit]
