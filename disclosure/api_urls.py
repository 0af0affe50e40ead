from django.urls import path

from . import api

urlpatterns = [
    path("cycles/", api.CycleList.as_view(), name="api-disclosure-cycles"),
    path("compliance/", api.ComplianceList.as_view(), name="api-disclosure-compliance"),
    path("notices/", api.NoticeList.as_view(), name="api-disclosure-notices"),
    path("filings/<int:pk>/", api.FilingDetail.as_view(), name="api-disclosure-filing"),
]
