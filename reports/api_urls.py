from django.urls import path

from . import api

urlpatterns = [path("annual/<str:period>/", api.AnnualReportView.as_view(), name="api-reports-annual")]
