from django.urls import path

from . import views

urlpatterns = [
    path("", views.inquiry_list, name="retaliation-list"),
    path("request/", views.inquiry_request, name="retaliation-request"),
    path("record/", views.inquiry_record, name="retaliation-record"),
    path("<int:pk>/", views.inquiry_detail, name="retaliation-detail"),
    path("<int:pk>/do/<slug:action>/", views.inquiry_act, name="retaliation-act"),
    path("<int:pk>/evidence/<int:evidence_pk>/", views.evidence_download, name="retaliation-evidence"),
    path("<int:pk>/letters/<int:letter_pk>/", views.letter_download, name="retaliation-letter"),
]
