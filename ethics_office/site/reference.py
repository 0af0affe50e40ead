"""The codes that imports accept, on one page: what an import error points to."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from advisory.models import AdviceCategory
from ethics_office.intake.models import ServiceCategory
from ethics_office.organisation.models import DutyStation, Entity, EntityGroup, Grade
from outreach.models import Course

# The page's anchors, by what they list (import errors link to reference-codes#<anchor>).
ANCHORS = (
    "entities",
    "duty-stations",
    "grades",
    "entity-groups",
    "courses",
    "service-categories",
    "advice-categories",
)


@login_required
@require_GET
def reference_codes(request):
    """Every code an import accepts for entities, duty stations, grades, courses and categories."""
    return render(
        request,
        "reference_codes.html",
        {
            "entities": Entity.objects.order_by("code"),
            "stations": DutyStation.objects.order_by("code"),
            "grades": Grade.choices,
            "groups": EntityGroup.choices,
            "courses": Course.choices,
            "service_categories": ServiceCategory.objects.all(),
            "advice_categories": AdviceCategory.objects.filter(active=True),
        },
    )
