from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ethics_office.base.registry import home_panels_for
from ethics_office.base.roles import Role, roles_of
from ethics_office.organisation.selectors import person_of


@login_required
def home(request):
    """What waits for this person, by role."""
    roles = roles_of(request.user)
    return render(
        request,
        "home.html",
        {
            "panels": home_panels_for(request.user, roles),
            "person": person_of(request.user),
            "role_labels": [Role(r).label for r in Role.values if r in roles],
        },
    )


@require_GET
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
