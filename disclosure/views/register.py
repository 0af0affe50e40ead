"""The conflicts register: every conflict item the office follows, and each item's timeline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.base.errors import ApplicationError
from ethics_office.base.forms import add_application_error
from ethics_office.base.gates import require_office
from ethics_office.base.listing import choice_labels, date_for_each, link_for_each
from ethics_office.base.parsing import int_or_none, year_or_none
from ethics_office.base.sorting import is_sort

from .. import services
from ..forms import ConflictUpdateForm, _office_users
from ..models import ConflictKind, FilingCycle, FollowUp, Resolution
from ..permissions import access_conflict_item
from ..selectors import REGISTER_ORDERS, conflict_events, conflict_register, cycles_visible_to

STATUS_FILTERS = [("not_done", _("Not done")), *FollowUp.choices]


def _register_rows(page, today) -> list[dict]:
    """The page's items as the strings the register prints, worked out once a page (base.listing):
    each choice's label translated once (get_FOO_display translates every choice on each call),
    one reversal for every link, each date formatted once."""
    kinds = choice_labels(ConflictKind.choices)
    resolutions = choice_labels(Resolution.choices)
    follow_ups = choice_labels(FollowUp.choices)
    link, date = link_for_each("disclosure-conflict"), date_for_each()
    rows = []
    for item in page:
        done = item.follow_up == FollowUp.DONE
        owner = item.owner
        rows.append(
            {
                "url": link(item.pk),
                "filer": item.filer.person.name or "—",
                "year": item.filer.cycle.year,
                "kind": kinds.get(item.kind, item.kind),
                "identified": date(item.identified),
                "owner": (owner.get_full_name() or owner.username) if owner else "—",
                "resolution": resolutions.get(item.resolution, item.resolution) or "—",
                "follow_up": follow_ups.get(item.follow_up, item.follow_up) or "—",
                "age": ((item.updated_at.date() if done else today) - item.identified).days,
                "due": date(item.follow_up_due) or "—",
                "overdue": bool(not done and item.follow_up_due and item.follow_up_due < today),
            }
        )
    return rows


@login_required
def conflict_register_list(request):
    """Filter by cycle, status, kind, owner, overdue; sort by any column the register shows."""
    require_office(request.user)
    today = timezone.localdate()
    get = request.GET
    year = year_or_none(get.get("cycle"))
    cycle = FilingCycle.objects.filter(year=year).first() if year else None
    status = get.get("status", "") if get.get("status", "") in dict(STATUS_FILTERS) else ""
    kind = get.get("kind", "") if get.get("kind", "") in ConflictKind.values else ""
    owner = get.get("owner", "")
    owner = owner if owner == "none" or int_or_none(owner) else ""
    sort = get.get("sort", "") if is_sort(get.get("sort"), REGISTER_ORDERS) else ""
    overdue = get.get("overdue") == "1"
    items = conflict_register(
        request.user,
        cycle=cycle,
        status=status,
        kind=kind,
        owner=owner or None,
        overdue=overdue,
        sort=sort,
        today=today,
    )
    page = Paginator(items, 50).get_page(get.get("page"))
    rows = _register_rows(page, today)
    query = get.copy()
    query.pop("page", None)
    query.pop("sort", None)
    return render(
        request,
        "disclosure/conflict_register.html",
        {
            "page": page,
            "rows": rows,
            "years": cycles_visible_to(request.user).values_list("year", flat=True),
            "cycle": cycle,
            "status": status,
            "kind": kind,
            "owner": owner,
            "overdue": overdue,
            "sort": sort,
            "statuses": STATUS_FILTERS,
            "kinds": ConflictKind.choices,
            "owners": _office_users(),
            "query": query.urlencode(),
        },
    )


@login_required
def conflict_detail(request, pk):
    """The item with its timeline; the office adds notes and changes, each one a new entry."""
    item = (
        services.conflict_item_read(actor=request.user, item_id=pk)
        if request.method == "GET"
        else access_conflict_item(request.user, pk)
    )
    initial = {"follow_up_due": item.follow_up_due, "owner": item.owner_id}
    form = ConflictUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.conflict_item_update(
                actor=request.user,
                item_id=item.pk,
                note=data["note"],
                resolution=data["resolution"] or None,
                follow_up=data["follow_up"] or None,
                follow_up_due=data["follow_up_due"],
                owner=data["owner"],
            )
            messages.success(request, _("Added to the item's history."))
            return redirect("disclosure-conflict", pk=item.pk)
        except ApplicationError as exc:
            add_application_error(form, exc)
    return render(
        request,
        "disclosure/conflict_detail.html",
        {"item": item, "events": conflict_events(item), "form": form},
    )
