"""Confirmation pages for the programme's irreversible steps: the consequence and the count first."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Filer
from ..selectors import filers_to_refer

NAMES_SHOWN = 20


def _names(filers):
    names = list(filers.order_by("person__name").values_list("person__name", flat=True)[: NAMES_SHOWN + 1])
    count = filers.count()
    return names[:NAMES_SHOWN], max(count - NAMES_SHOWN, 0), count


def confirm_close(request, cycle):
    """Closing the cycle refers every confirmed filer still outstanding to OHRM."""
    outstanding = filers_to_refer(cycle)
    names, more, count = _names(outstanding)
    consequence = ngettext(
        "Closing the %(year)s cycle cannot be undone: %(n)s filer will be referred to OHRM.",
        "Closing the %(year)s cycle cannot be undone: %(n)s filers will be referred to OHRM.",
        count,
    ) % {"year": cycle.year, "n": count}
    return render(
        request,
        "disclosure/confirm.html",
        {
            "title": _("Close the %(year)s cycle") % {"year": cycle.year},
            "consequence": consequence,
            "names": names,
            "more": more,
            "button": _("Close the cycle and refer to OHRM"),
            "back": reverse("disclosure-cycle", kwargs={"year": cycle.year}),
        },
    )


def confirm_all_proposed(request, cycle):
    """Confirming the proposed filers obliges each of them to file."""
    proposed = Filer.objects.filter(cycle=cycle, confirmed=False)
    names, more, count = _names(proposed)
    consequence = ngettext(
        "%(n)s proposed filer will be confirmed and must file in the %(year)s cycle.",
        "%(n)s proposed filers will be confirmed and must file in the %(year)s cycle.",
        count,
    ) % {"year": cycle.year, "n": count}
    return render(
        request,
        "disclosure/confirm.html",
        {
            "title": _("Confirm all proposed filers"),
            "consequence": consequence,
            "names": names,
            "more": more,
            "button": _("Confirm all proposed filers"),
            "back": reverse("disclosure-cycle", kwargs={"year": cycle.year}),
        },
    )
