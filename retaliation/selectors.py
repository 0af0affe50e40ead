"""Every read of retaliation cases that users can reach.

Two audiences, never mixed: the office handling a case (the Director, and officers the
Director assigned by object permission) and the complainant. Superusers, administrators
and global permissions grant nothing here.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Q
from django.db.models.functions import Cast
from guardian.models import UserObjectPermission

from ethics_office.base.objperms import object_pks_with_perm
from ethics_office.base.roles import Role, has_role
from ethics_office.base.sorting import order_for
from ethics_office.intake.models import ServiceRequest
from ethics_office.organisation.duties import is_director_alternate

from .models import CLOCK_STATUSES, COMPLAINANT_LETTERS, Letter, RetaliationInquiry, ReviewOutcome, Status

HANDLE_PERM = "retaliation.handle_retaliationinquiry"
HANDLE_CODENAME = "handle_retaliationinquiry"


def _base():
    return RetaliationInquiry.objects.select_related(
        "service_request", "service_request__requester", "service_request__category"
    )


def _concerning(user) -> Q:
    """Cases about this user: their own complaint, or one naming them as responsible.

    Two id subqueries, each found through an index from the user's person, rather than an OR
    across joins that PostgreSQL answers by joining every case to every service request.
    """
    own = ServiceRequest.objects.filter(requester__user=user).values("pk")
    named = RetaliationInquiry.named_people.through.objects.filter(person__user=user).values(
        "retaliationinquiry_id"
    )
    return Q(service_request__in=own) | Q(pk__in=named)


def _concerning_a_director() -> Q:
    return Q(service_request__requester__user__groups__name=Role.DIRECTOR) | Q(
        named_people__user__groups__name=Role.DIRECTOR
    )


def inquiries_handled_by(user):
    """Cases this user works on: all for the Director, the assigned ones for an officer — never a case
    about themselves. The Director's alternate also handles the cases about a Director, and any case
    whose prima facie finding the Director recorded and awaits the alternate's sign-off."""
    if not user.is_authenticated:
        return RetaliationInquiry.objects.none()
    if has_role(user, Role.DIRECTOR):
        return _base().exclude(pk__in=RetaliationInquiry.objects.filter(_concerning(user)).values("pk"))
    if not has_role(user, Role.OFFICER):
        return RetaliationInquiry.objects.none()
    # The officer's own grants (no groups, no superuser, no global permissions), as integers.
    reachable = Q(pk__in=object_pks_with_perm(user, RetaliationInquiry, HANDLE_CODENAME, groups=False))
    if is_triage_officer(user):
        reachable |= Q(pk__in=_unassigned().values("pk"))
    if is_director_alternate(user):
        reachable |= Q(pk__in=RetaliationInquiry.objects.filter(_concerning_a_director()).values("pk"))
        signed_by_alternate = RetaliationInquiry.objects.filter(
            status=Status.SIGN_OFF, review_recorded_by__groups__name=Role.DIRECTOR
        )
        reachable |= Q(pk__in=signed_by_alternate.values("pk"))  # a subquery: no duplicate rows
    return (
        _base()
        .filter(reachable)
        .exclude(pk__in=RetaliationInquiry.objects.filter(_concerning(user)).values("pk"))
    )


def inquiries_of_complainant(user):
    """The complainant's own cases (they see status and letters, never the office's notes)."""
    if not user.is_authenticated:
        return RetaliationInquiry.objects.none()
    return _base().filter(service_request__requester__user=user)


LIST_COLUMNS = ("status", "kind", "review_outcome", "service_request__ref", "service_request__received")


def inquiries_listed_for(user):
    """The API's list: the cases this user handles and their own, each once — two id subqueries
    instead of OR-ing the two querysets and DISTINCT over every column."""
    handled = inquiries_handled_by(user).values("pk")
    own = inquiries_of_complainant(user).values("pk")
    # Only what a row shows (InquiryListSerializer): the service request's reference and date.
    return (
        RetaliationInquiry.objects.select_related("service_request")
        .only(*LIST_COLUMNS)
        .filter(Q(pk__in=handled) | Q(pk__in=own))
    )


def open_reviews_handled_by(user):
    """The dashboard: reviews whose clock is running or paused, oldest first."""
    return (
        inquiries_handled_by(user)
        .filter(status__in=CLOCK_STATUSES, review_started__isnull=False)
        .order_by("review_started", "id")
    )


def complainant_letters(inquiry):
    return inquiry.letters.filter(kind__in=COMPLAINANT_LETTERS, to_complainant=True)


def case_letters(inquiry):
    return Letter.objects.filter(inquiry=inquiry)


def officers_assigned_to(inquiry):
    """The officers holding the handle permission on this case (direct user grants only)."""
    ct = ContentType.objects.get_for_model(RetaliationInquiry)
    user_ids = UserObjectPermission.objects.filter(
        content_type=ct, object_pk=str(inquiry.pk), permission__codename=HANDLE_CODENAME
    ).values("user_id")
    return get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("username")


def assignable_officers():
    return get_user_model().objects.filter(groups__name=Role.OFFICER, is_active=True).order_by("username")


def directors():
    return get_user_model().objects.filter(groups__name=Role.DIRECTOR, is_active=True).order_by("username")


def people_concerned(inquiry) -> list:
    """The complainant and everyone named as responsible."""
    return [inquiry.service_request.requester, *inquiry.named_people.all()]


# --- triage: new requests nobody is assigned to yet ---------------------------------------------


def triage_usernames() -> frozenset[str]:
    """Officers on triage duty (setting RETALIATION_TRIAGE_OFFICERS, usernames): they see and may
    classify requests nobody is assigned to, so a new request never waits on the Director alone."""
    return frozenset(getattr(settings, "RETALIATION_TRIAGE_OFFICERS", ()) or ())


def is_triage_officer(user) -> bool:
    return (
        user.is_authenticated and user.get_username() in triage_usernames() and has_role(user, Role.OFFICER)
    )


def triage_officers():
    return get_user_model().objects.filter(
        username__in=triage_usernames(), groups__name=Role.OFFICER, is_active=True
    )


def _unassigned():
    ct = ContentType.objects.get_for_model(RetaliationInquiry)
    assigned = (
        UserObjectPermission.objects.filter(content_type=ct, permission__codename=HANDLE_CODENAME)
        .annotate(object_id=Cast("object_pk", IntegerField()))
        .values("object_id")
    )
    return RetaliationInquiry.objects.filter(status=Status.RECEIVED).exclude(pk__in=assigned)


def unassigned_requests(user):
    """New requests still unassigned that this user may act on, oldest first (the age is on the register entry)."""
    return (
        inquiries_handled_by(user)
        .filter(pk__in=_unassigned().values("pk"))
        .order_by("service_request__received", "id")
    )


# What the home panel shows of a case: its reference, when it came in, its status and its clock.
DASHBOARD_COLUMNS = (
    "status",
    "review_started",
    "review_paused_days",
    "review_paused_since",
    "service_request__ref",
    "service_request__received",
)


def dashboard_inquiries(user):
    """The home panel's two lists, in one query: the rows of `unassigned_requests` (new requests
    nobody is assigned to that this user may act on, oldest first) and of `open_reviews_handled_by`
    (reviews under way or paused, oldest first), told apart by status — a new request is
    `received`, a review is under way or paused. One visibility filter, built and planned once."""
    rows = list(
        inquiries_handled_by(user)
        .filter(
            Q(pk__in=_unassigned().values("pk")) | Q(status__in=CLOCK_STATUSES, review_started__isnull=False)
        )
        .select_related(None)
        .select_related("service_request")
        .only(*DASHBOARD_COLUMNS)
        .order_by()  # sorted below, each list its own way
    )
    waiting = sorted(
        (r for r in rows if r.status == Status.RECEIVED), key=lambda r: (r.service_request.received, r.pk)
    )
    reviews = sorted((r for r in rows if r.status != Status.RECEIVED), key=lambda r: (r.review_started, r.pk))
    return waiting, reviews


def latest_inquiries_of_complainant(user, *, limit: int = 5):
    """The complainant's latest cases, with what the home panel shows (reference and status)."""
    return list(
        inquiries_of_complainant(user)
        .select_related(None)
        .select_related("service_request")
        .only("status", "service_request__ref")[:limit]
    )


def case_messages(inquiry):
    return inquiry.messages.select_related("author")


# --- sortable lists (?sort=field, ?sort=-field; anything else keeps the default order) -------
# Both lists are small (a few hundred cases a year), so no sort here needs an index of its own.

CASE_ORDERS = {
    "ref": ("service_request__ref", "id"),
    "received": ("service_request__received", "id"),
    "kind": ("kind", "-service_request__received", "-id"),
    "status": ("status", "-service_request__received", "-id"),
}
CASE_DEFAULT_ORDER = ("-service_request__received", "-id")

REGISTER_ORDERS = {
    "ref": ("service_request__ref", "id"),
    "received": ("service_request__received", "id"),
    "completed": ("review_completed", "id"),
    "outcome": ("review_outcome", "-review_completed", "-id"),
    "determined": ("determined_on", "id"),
}
REGISTER_DEFAULT_ORDER = ("-review_completed", "-id")
# The register's columns (views.register._columns) and the sort of each, None where it has none.
REGISTER_COLUMN_SORTS = (
    "ref",
    "received",
    "completed",
    "outcome",
    None,
    None,
    None,
    None,
    None,
    "determined",
    None,
    None,
)


def sorted_cases(cases, sort: str | None):
    return cases.order_by(*order_for(sort, CASE_ORDERS, CASE_DEFAULT_ORDER))


# --- the determinations register --------------------------------------------------------------


def determinations_register(
    user, *, outcome: str = "", body: str = "", year: int | None = None, sort: str | None = None
):
    """Every completed review and determination this user handles, with what the register shows;
    one query for the cases and one each for the corrective measures (prefetched)."""
    rows = (
        inquiries_handled_by(user)
        .filter(review_completed__isnull=False)
        .exclude(review_outcome=ReviewOutcome.PENDING)
        .prefetch_related("corrective_measures")
        .order_by(*order_for(sort, REGISTER_ORDERS, REGISTER_DEFAULT_ORDER))
    )
    if outcome in ReviewOutcome.values:
        rows = rows.filter(review_outcome=outcome)
    elif outcome in ("established", "not_established"):
        rows = rows.filter(retaliation_established=outcome == "established")
    if body:
        rows = rows.filter(investigation_body=body)
    if year:
        rows = rows.filter(review_completed__year=year)
    return rows
