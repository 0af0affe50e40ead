from django.urls import path

from . import api

urlpatterns = [
    path("meetings/", api.MeetingList.as_view(), name="api-panel-meetings"),
    path("consultations/", api.ConsultationList.as_view(), name="api-panel-consultations"),
]
