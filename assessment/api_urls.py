from django.urls import path

from . import api

urlpatterns = [
    path("assessments/", api.AssessmentList.as_view(), name="api-assessment-list"),
    path("assessments/<int:pk>/results/", api.AssessmentResults.as_view(), name="api-assessment-results"),
]
