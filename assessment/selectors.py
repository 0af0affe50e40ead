"""Every read users reach. The office sees everything; a mission's head (a focal point of
the mission's entity) sees published assessments covering their mission and the register
entries their entity owns; everyone else sees nothing."""

from django.db.models import Count, Prefetch, Q

from ethics_office.base.roles import Role, has_role, is_office
from ethics_office.base.sorting import sorted_by
from ethics_office.organisation.selectors import focal_point_entities

from .models import (
    Answer,
    Assessment,
    Instrument,
    InstrumentSection,
    Invitation,
    Item,
    RemedialAction,
    Response,
    RiskEntry,
    Status,
    Stratum,
)


def is_mission_head(user) -> bool:
    return has_role(user, Role.FOCAL_POINT)


def assessments_visible_to(user):
    base = Assessment.objects.select_related("instrument")
    if is_office(user):
        return base
    if is_mission_head(user):
        return base.filter(status=Status.PUBLISHED, missions__in=focal_point_entities(user)).distinct()
    return base.none()


def instruments_visible_to(user):
    if not is_office(user):
        return Instrument.objects.none()
    return Instrument.objects.annotate(
        item_count=Count("sections__items", distinct=True), wave_count=Count("assessments", distinct=True)
    )


def instrument_with_items(instrument_id):
    items = Item.objects.select_related("risk").order_by("order", "pk")
    sections = InstrumentSection.objects.prefetch_related(Prefetch("items", queryset=items)).order_by(
        "order", "pk"
    )
    return Instrument.objects.prefetch_related(Prefetch("sections", queryset=sections)).get(pk=instrument_id)


def mission_codes_visible_to(user, assessment) -> set[str] | None:
    """None: every mission (the office); otherwise the missions whose results this user may see."""
    if is_office(user):
        return None
    codes = set(focal_point_entities(user).values_list("code", flat=True))
    return codes & set(assessment.missions.values_list("code", flat=True))


def strata_with_counts(assessment):
    return (
        Stratum.objects.filter(assessment=assessment)
        .select_related("mission")
        .annotate(
            invited=Count("invitations", distinct=True),
            answered=Count("invitations", filter=Q(invitations__used=True), distinct=True),
        )
        .order_by("mission__code", "grade_group")
    )


def register_entries_visible_to(user):
    base = RiskEntry.objects.select_related("risk", "owner", "assessment", "remeasure_in").annotate(
        action_count=Count("actions", distinct=True),
        open_actions=Count("actions", filter=~Q(actions__status="done"), distinct=True),
    )
    if is_office(user):
        return base
    if is_mission_head(user):
        return base.filter(owner__in=focal_point_entities(user))
    return base.none()


def actions_visible_to(user):
    return RemedialAction.objects.filter(
        entry__in=register_entries_visible_to(user).values("pk")
    ).select_related("entry")


def invitation_by_token_hash(token_hash: str):
    if not token_hash:
        return Invitation.objects.none()
    return Invitation.objects.select_related("assessment__instrument", "stratum", "person").filter(
        token_hash=token_hash, used=False, assessment__status=Status.FIELDED
    )


def free_text_answers(assessment):
    """Free text, for the office only (gate in the view): the text and its section, never who."""
    return (
        Answer.objects.filter(response__assessment=assessment, item__kind="text")
        .exclude(text="")
        .select_related("item", "response__stratum__mission")
        .order_by("item__section__order", "item__order")
    )


def assessments_closed_between(start, end) -> list[dict]:
    """For the annual report's section F: each wave closed in the period, its reach and its
    highest-rated risks (likelihood × severity), from the published figures only."""
    from .results import compute

    rows = []
    waves = (
        Assessment.objects.filter(
            closed__gte=start, closed__lte=end, status__in=[Status.CLOSED, Status.PUBLISHED]
        )
        .select_related("instrument")
        .annotate(
            mission_count=Count("missions", distinct=True),
            invited=Count("invitations", distinct=True),
        )
        .order_by("closed", "pk")
    )
    for wave in waves:
        res = compute(wave, with_comparison=False)
        responses = Response.objects.filter(assessment=wave).count()
        risks = sorted(
            (p for p in res.heat if p["likelihood"] is not None and p["severity"] is not None),
            key=lambda p: -(p["likelihood"] * p["severity"]),
        )
        rows.append(
            {
                "id": wave.pk,
                "title": wave.title,
                "fielded": wave.fielded.isoformat() if wave.fielded else None,
                "closed": wave.closed.isoformat(),
                "missions": wave.mission_count,
                "invited": wave.invited,
                "responses": responses,
                "response_rate_pct": round(100 * responses / wave.invited, 1) if wave.invited else None,
                "top_risks": [
                    {"risk": p["risk"], "likelihood": p["likelihood"], "severity": p["severity"]}
                    for p in risks[:3]
                ],
            }
        )
    return rows


# --- sortable lists: ?sort=field or ?sort=-field; anything else keeps the default order.
# A few assessments a year and a register of tens of entries each: no index needed.

ASSESSMENT_ORDERS = {
    "title": ("title", "pk"),
    "status": ("status", "-reference_date", "-pk"),
    "fielded": ("fielded", "pk"),
    "closed": ("closed", "pk"),
}
REGISTER_ORDERS = {
    "risk": ("risk__code", "pk"),
    "owner": ("owner__code", "pk"),
    "rating": ("likelihood", "severity", "pk"),
    "status": ("status", "pk"),
}


def sorted_list(queryset, sort: str | None, orders):
    return sorted_by(queryset, sort, orders)
