from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from kombu import Connection

from ethics_office.base.roles import Role, roles_of
from ethics_office.organisation.selectors import person_of

from .home_cache import panels_for


@login_required
def home(request):
    """What waits for this person, by role."""
    roles = roles_of(request.user)
    return render(
        request,
        "home.html",
        {
            "panels": panels_for(request.user, roles),
            "person": person_of(request.user),
            "role_labels": [Role(r).label for r in Role.values if r in roles],
        },
    )


@require_GET
def healthz(request):
    """The database and the broker answer (the broker only where one is configured): 200, else 503."""
    checks = {"database": _database_answers(), "broker": _broker_answers()}
    healthy = all(state in ("ok", "not configured") for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )


def _database_answers() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "unreachable"
    return "ok"


def _broker_answers() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # kombu raises its transport's own errors; any of them means "down"
        return "unreachable"
    return "ok"


def server_error(request):
    """500: the API answers in its single error shape, the browser gets the page."""
    if request.path.startswith("/api/"):
        body = {
            "error": {"code": "server_error", "message": _("Something went wrong on our side."), "fields": {}}
        }
        return JsonResponse(body, status=500)
    return render(request, "500.html", status=500)


def not_found(request, exception=None):
    """404 for an address that matches nothing: JSON under /api/, the page elsewhere."""
    if request.path.startswith("/api/"):
        body = {"error": {"code": "not_found", "message": _("Not found."), "fields": {}}}
        return JsonResponse(body, status=404)
    return render(request, "404.html", status=404)
