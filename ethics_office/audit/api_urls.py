from django.urls import path

from . import api

urlpatterns = [path("events/", api.AuditEventList.as_view(), name="api-audit-events")]
