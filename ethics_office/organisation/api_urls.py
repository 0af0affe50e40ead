from django.urls import path

from . import api

urlpatterns = [
    path("entities/", api.EntityList.as_view(), name="api-entities"),
    path("duty-stations/", api.DutyStationList.as_view(), name="api-duty-stations"),
]
