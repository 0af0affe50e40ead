from django.urls import path

from . import views

urlpatterns = [
    path("", views.meeting_list, name="panel-meetings"),
    path("meetings/new/", views.meeting_create, name="panel-meeting-create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="panel-meeting-detail"),
    path("meetings/<int:pk>/items/", views.meeting_item_add, name="panel-meeting-item-add"),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/decision/",
        views.meeting_item_decide,
        name="panel-meeting-item-decide",
    ),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="panel-meeting-attendance"),
    path("meetings/<int:pk>/minutes/", views.meeting_minutes, name="panel-meeting-minutes"),
    path("meetings/<int:pk>/documents/", views.meeting_document_add, name="panel-meeting-document-add"),
    path("documents/<int:pk>/", views.document_download, name="panel-document-download"),
    path("offices/", views.office_list, name="panel-offices"),
    path("name/", views.panel_name_record, name="panel-name-record"),
    path("offices/new/", views.office_create, name="panel-office-create"),
    path("offices/<int:pk>/rename/", views.office_rename, name="panel-office-rename"),
    path("consultations/", views.consultation_list, name="panel-consultations"),
    path("consultations/new/", views.consultation_create, name="panel-consultation-create"),
    path("consultations/<int:pk>/", views.consultation_detail, name="panel-consultation-detail"),
    path("consultations/<int:pk>/share/", views.consultation_share, name="panel-consultation-share"),
    path(
        "consultations/<int:pk>/status/", views.consultation_transition, name="panel-consultation-transition"
    ),
    path("reports/", views.report_list, name="panel-reports"),
    path("reports/new/", views.report_create, name="panel-report-create"),
    path("reports/<int:pk>/review/", views.report_review, name="panel-report-review"),
]
