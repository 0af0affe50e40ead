"""Every read users reach: who sees which advice request, the queue, the clock, precedents."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from guardian.shortcuts import get_objects_for_user

from ethics_office.base.clock import add_working_days
from ethics_office.base.i18n import column_suffix
from ethics_office.base.objperms import object_pks_with_perm
from ethics_office.base.roles import Role, is_office, roles_of
from ethics_office.base.sorting import order_for
from ethics_office.intake.models import ServiceRequest
from ethics_office.organisation.duties import is_director_alternate
from ethics_office.organisation.models import Person

from .models import AdviceAttachment, AdviceCategory, AdviceRequest, Precedent, RoadmapEntry, Status
from .workflow import OPEN

HANDLE_PERM = "advisory.handle_advicerequest"


def ack_working_days() -> int:
    return int(getattr(settings, "ADVICE_ACK_WORKING_DAYS", 2))


def advise_days() -> int:
    return int(getattr(settings, "ADVICE_ADVISE_DAYS", 30))


def _base():
    return AdviceRequest.objects.select_related(
        "service_request__category",
        "service_request__requester",
        "service_request__entity",
        "service_request__duty_station",
        "category",
        "assigned_to",
    )


def advice_requests_handled_by(user):
    """Requests this user holds the object permission for (their assigned cases)."""
    return get_objects_for_user(
        user, HANDLE_PERM, klass=AdviceRequest, with_superuser=False, accept_global_perms=False
    )


def _handled_pks(user):
    """The ids `advice_requests_handled_by` returns, as integers (ethics_office.base.objperms)."""
    return object_pks_with_perm(user, AdviceRequest, HANDLE_PERM.split(".", 1)[1])


def _own_service_requests(user_filter) -> Q:
    """Requests whose requester is this user (or these users), as a subquery: no join in counts."""
    return Q(service_request__in=ServiceRequest.objects.filter(**user_filter).values("pk"))


def advice_requests_visible_to(user):
    """Staff see their own; officers see triage and their own cases; the Director sees all.

    Focal points, reviewers, panel members and administrators see none but their own.
    """
    if user is None or not user.is_authenticated:
        return AdviceRequest.objects.none()
    roles = roles_of(user)
    base = _base()
    if Role.DIRECTOR in roles:
        return base
    own = _own_service_requests({"requester__user": user})
    if Role.OFFICER in roles:
        reachable = own | Q(assigned_to__isnull=True) | Q(pk__in=_handled_pks(user))
        if is_director_alternate(user):  # the Director's own requests are the alternate's to triage
            directors = get_user_model().objects.filter(groups__name=Role.DIRECTOR).values("pk")
            reachable |= _own_service_requests({"requester__user__in": directors})
        return base.filter(reachable)
    return base.filter(own)


def advice_requests_of_requester(user):
    """A person's own requests (the "My requests" page), whatever roles they hold."""
    if user is None or not user.is_authenticated:
        return AdviceRequest.objects.none()
    # The queue's joins only (QUEUE_RELATED): with the entity and duty station joined as well the
    # planner joined every request before picking the person's (139 ms for 155 of 90,000; 4 ms now).
    return (
        AdviceRequest.objects.select_related(*QUEUE_RELATED)
        .filter(_own_service_requests({"requester__user": user}))
        .order_by("-service_request__received", "-id")
    )


def is_requester(user, req: AdviceRequest) -> bool:
    requester = req.service_request.requester
    return requester is not None and requester.user_id is not None and requester.user_id == user.pk


def can_handle(user, req: AdviceRequest) -> bool:
    """The Director, or the officer the request is assigned to, acts for the office — never on their own request."""
    if is_requester(user, req):
        return False
    roles = roles_of(user)
    if Role.DIRECTOR in roles:
        return True
    return Role.OFFICER in roles and req.assigned_to_id == user.pk


def sees_as_office(user, req: AdviceRequest) -> bool:
    """Office users see the case page, unless the request is their own."""
    return is_office(user) and not is_requester(user, req)


# --- The clock -------------------------------------------------------------------------


@dataclass(frozen=True)
class Clock:
    received: dt.date
    ack_due: dt.date
    advise_due: dt.date
    acknowledged: bool
    advised: bool
    open: bool
    today: dt.date

    @property
    def ack_overdue(self) -> bool:
        return self.open and not self.acknowledged and self.today > self.ack_due

    @property
    def advise_overdue(self) -> bool:
        return self.open and not self.advised and self.today > self.advise_due

    @property
    def overdue(self) -> bool:
        return self.ack_overdue or self.advise_overdue

    @property
    def days_open(self) -> int:
        return (self.today - self.received).days

    @property
    def days_left(self) -> int:
        return (self.advise_due - self.today).days


def clock_of(req: AdviceRequest, today: dt.date | None = None) -> Clock:
    return clock_from(req.service_request.received, req.status, req.acknowledged_at, req.advised_at, today)


def clock_from(
    received: dt.date, status: str, acknowledged_at, advised_at, today: dt.date | None = None
) -> Clock:
    """The clock of a request received on `received`, now in `status` (a queue row has no model)."""
    return Clock(
        received=received,
        ack_due=add_working_days(received, ack_working_days()),
        advise_due=received + dt.timedelta(days=advise_days()),
        acknowledged=acknowledged_at is not None or status != Status.RECEIVED,
        advised=advised_at is not None,
        open=status in OPEN,
        today=today or timezone.localdate(),
    )


def _ack_overdue_cutoff(today: dt.date) -> dt.date:
    """The latest received date whose acknowledgement is overdue today."""
    day = today - dt.timedelta(days=1)
    while add_working_days(day, ack_working_days()) >= today:
        day -= dt.timedelta(days=1)
    return day


def overdue_q(today: dt.date | None = None) -> Q:
    today = today or timezone.localdate()
    ack = Q(
        status=Status.RECEIVED,
        acknowledged_at__isnull=True,
        service_request__received__lte=_ack_overdue_cutoff(today),
    )
    advise = Q(
        status__in=OPEN,
        advised_at__isnull=True,
        service_request__received__lt=today - dt.timedelta(days=advise_days()),
    )
    return ack | advise


# --- The officers' queue ---------------------------------------------------------------

# The queue's sortable columns (?sort=field or ?sort=-field); the descending order turns every column.
# 90,000 rows: received and ref have their own indexes; status, category and officer are
# filters first (the open queue is a few thousand rows), so their sorts stay cheap.
ORDERS = {
    "received": ("service_request__received", "id"),
    "ref": ("service_request__ref", "id"),
    "status": ("status", "-service_request__received", "-id"),
    "category": ("category__ordering", "-service_request__received", "-id"),
    "officer": ("assigned_to__username", "-service_request__received", "-id"),
}
DEFAULT_ORDER = ("-service_request__received", "-id")
# The values the API accepts (unchanged).
SORTS = {
    key: order_for(key, ORDERS, DEFAULT_ORDER)
    for key in ("received", "-received", "ref", "-ref", "status", "category", "officer")
}


# The joins a person's own list of requests reads (`advice_requests_of_requester`).
QUEUE_RELATED = ("service_request__category", "service_request__requester", "category", "assigned_to")


@dataclass(frozen=True, slots=True)
class QueueRow:
    """A row of the queue as the page and the API show it, read as plain values: building 50
    requests with their service request, requester, categories and officer as model instances
    was a third of the queue's cold opening (docs/performance.md)."""

    pk: int
    ref: str
    received: dt.date
    channel: str
    intake_category: str
    requester: str | None  # None when there is none (an anonymous question)
    category: str | None  # the advice category's code; None for policy support
    category_label: str | None  # in the active language
    status: str
    question: str
    advice: str
    outcome: str
    referred_to: str
    acknowledged_at: dt.datetime | None
    advised_at: dt.datetime | None
    requester_wrote_at: dt.datetime | None
    officer: str | None  # the assigned officer's username

    def clock(self, today: dt.date | None = None) -> Clock:
        return clock_from(self.received, self.status, self.acknowledged_at, self.advised_at, today)


# What a row of the queue shows, on the page and in the API, and nothing else (no entity, duty
# station or vendor details): the columns of a QueueRow, in its order (the category's two labels
# make one). Fewer joins plan faster and fewer columns cost less to fetch (docs/performance.md).
_QUEUE_ROW_VALUES = (
    "pk",
    "service_request__ref",
    "service_request__received",
    "service_request__channel",
    "service_request__category__code",
    "service_request__requester__name",
    "category__code",
    "category__label",
    "category__label_zh",
    "status",
    "question",
    "advice",
    "outcome",
    "referred_to",
    "acknowledged_at",
    "advised_at",
    "requester_wrote_at",
    "assigned_to__username",
)


def queue_values(queue):
    """The queue (`advice_queue`) as the tuples `queue_rows` reads: slice and count it as usual."""
    return queue.values_list(*_QUEUE_ROW_VALUES)


def queue_rows(values) -> list[QueueRow]:
    """`queue_values(…)` rows (a page of them) as QueueRows, category labels in the active language."""
    chinese = column_suffix() == "zh"
    rows = []
    for pk, ref, received, channel, intake, requester, code, label, label_zh, *rest in values:
        if code is not None and chinese and label_zh:
            label = label_zh
        rows.append(QueueRow(pk, ref, received, channel, intake, requester, code, label, *rest))
    return rows


def advice_queue(user, *, filters: dict | None = None):
    """The triage queue: office users only, filtered, searched and sorted."""
    if not is_office(user):
        return AdviceRequest.objects.none()
    filters = filters or {}
    # Read through `queue_values` (the rows) or aggregated (`queue_counts`): the joins a row needs
    # come with its values, none with the queryset.
    qs = advice_requests_visible_to(user).select_related(None)
    if code := filters.get("category"):
        qs = qs.filter(category__code=code)
    if status := filters.get("status"):
        qs = qs.filter(status=status)
    elif filters.get("open_only"):
        qs = qs.filter(status__in=OPEN)
    if channel := filters.get("channel"):
        qs = qs.filter(service_request__channel=channel)
    officer = filters.get("officer")
    if officer == "none":
        qs = qs.filter(assigned_to__isnull=True)
    elif officer:
        qs = qs.filter(assigned_to_id=officer)
    if (older := filters.get("older_than")) is not None:
        qs = qs.filter(service_request__received__lte=timezone.localdate() - dt.timedelta(days=int(older)))
    if filters.get("overdue"):
        qs = qs.filter(overdue_q())
    if filters.get("replied"):  # the requester wrote and the office has not answered yet
        qs = qs.filter(requester_wrote_at__isnull=False)
    if q := (filters.get("q") or "").strip():
        # Service requests found through their own indexes (trigram on reference and name,
        # unique index number), then the queue's rows by id: no scan of every joined row.
        people = Person.objects.filter(Q(name__icontains=q) | Q(index_number__iexact=q)).values("pk")
        by_ref = ServiceRequest.objects.filter(ref__icontains=q).values("pk")
        found = by_ref.union(ServiceRequest.objects.filter(requester__in=people).values("pk"))
        qs = qs.filter(service_request__in=found)
    return qs.order_by(*order_for(filters.get("sort"), ORDERS, DEFAULT_ORDER))


def queue_counts(user, *, today: dt.date | None = None) -> dict[str, int]:
    """The home panel's counts of the user's open queue, in one query over the queue: waiting
    for triage, assigned to the user, overdue, and assigned to the user with the requester's reply
    unanswered. The same rows as the queue's filters (`?officer=none`, `?officer=<id>`,
    `?overdue=on`, `?replied=on`), counted under the one visibility filter."""
    return advice_queue(user, filters={"open_only": True}).aggregate(
        untriaged=Count("pk", filter=Q(status=Status.RECEIVED, assigned_to__isnull=True)),
        mine=Count("pk", filter=Q(assigned_to=user)),
        overdue=Count("pk", filter=overdue_q(today)),
        replied=Count("pk", filter=Q(assigned_to=user, requester_wrote_at__isnull=False)),
    )


def own_request_counts(user) -> dict[str, int]:
    """A person's own requests, in one query: those still open, and those waiting on the person
    (the office asked them something, or advised them)."""
    return advice_requests_of_requester(user).aggregate(
        open=Count("pk", filter=Q(status__in=OPEN)),
        waiting=Count("pk", filter=Q(status__in=[Status.AWAITING_REQUESTER, Status.ADVISED])),
    )


def officers_for_assignment():
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(groups__name__in=[Role.OFFICER, Role.DIRECTOR], is_active=True)
        .distinct()
        .order_by("username")
    )


def other_requests_of_requester(req: AdviceRequest, user):
    """The same requester's other requests that this user may see."""
    requester_id = req.service_request.requester_id
    if requester_id is None:
        return AdviceRequest.objects.none()
    return (
        advice_requests_visible_to(user)
        .filter(service_request__requester_id=requester_id)
        .exclude(pk=req.pk)
        .order_by("-service_request__received")
    )


def thread_of(req: AdviceRequest):
    return req.messages.select_related("author").prefetch_related("attachments").order_by("created_at", "id")


def notes_of(req: AdviceRequest):
    return req.notes.select_related("author").order_by("created_at", "id")


def attachments_of(req: AdviceRequest):
    """The files that came with the question (those sent later sit under their message)."""
    return req.attachments.filter(message__isnull=True).order_by("created_at", "id")


def attachments_visible_to(user):
    visible = advice_requests_visible_to(user).values("pk")
    return AdviceAttachment.objects.select_related("request__service_request").filter(request__in=visible)


# --- Precedents and the Roadmap --------------------------------------------------------


def precedents_visible_to(user):
    """Precedents are the office's working tool."""
    if not is_office(user):
        return Precedent.objects.none()
    return Precedent.objects.select_related("category", "published_by")


def precedent_search(user, *, category: str = "", words: str = ""):
    qs = precedents_visible_to(user)
    if category:
        qs = qs.filter(category__code=category)
    for word in words.split():
        qs = qs.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return qs


def roadmap_entries():
    return RoadmapEntry.objects.all()


# --- Recording on someone's behalf ---------------------------------------------------------


def people_search(user, query: str, *, limit: int = 20):
    """People the office may record a request for, by name (every word), e-mail or index number.

    Person names and e-mail addresses are plain columns in organisation (only case content is
    encrypted at rest), so the search is an indexed database query; no blind index is needed.
    """
    from ethics_office.organisation.selectors import people_visible_to

    query = (query or "").strip()
    if not is_office(user) or len(query) < 2:
        return people_visible_to(user).none()
    by_name = Q()
    for word in query.split()[:5]:
        by_name &= Q(name__icontains=word)
    found = people_visible_to(user).filter(by_name | Q(email__iexact=query) | Q(index_number__iexact=query))
    return found.order_by("name", "index_number")[:limit]


def advice_categories():
    return AdviceCategory.objects.filter(active=True)
