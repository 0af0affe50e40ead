from django.urls import path

from . import api

urlpatterns = [
    path("sessions/", api.TrainingSessionList.as_view(), name="api-outreach-sessions"),
    path("requests/", api.TrainingRequestList.as_view(), name="api-outreach-requests"),
]
