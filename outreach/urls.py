from django.urls import path

from . import views
from .views.imports import completion_import_template

urlpatterns = [
    path("", views.session_list, name="outreach-sessions"),
    path("overview/", views.overview, name="outreach-overview"),
    path("sessions/new/", views.session_create, name="outreach-session-create"),
    path("sessions/<int:pk>/", views.session_detail, name="outreach-session-detail"),
    path("sessions/<int:pk>/attendance/", views.session_attendance, name="outreach-session-attendance"),
    path("requests/", views.request_list, name="outreach-requests"),
    path("requests/new/", views.request_create, name="outreach-request-create"),
    path("requests/<int:pk>/", views.request_detail, name="outreach-request-detail"),
    path("requests/<int:pk>/status/", views.request_transition, name="outreach-request-transition"),
    path("courses/", views.completion_list, name="outreach-completions"),
    path("courses/import/", views.completion_import, name="outreach-completion-import"),
    path(
        "courses/import-template.csv", completion_import_template, name="outreach-completion-import-template"
    ),
    path("missions/", views.mission_list, name="outreach-missions"),
    path("missions/new/", views.mission_create, name="outreach-mission-create"),
    path("missions/<int:pk>/", views.mission_detail, name="outreach-mission-detail"),
    path("missions/<int:pk>/meetings/", views.mission_meeting_add, name="outreach-mission-meeting-add"),
    path("briefings/", views.briefing_list, name="outreach-briefings"),
    path("briefings/new/", views.briefing_create, name="outreach-briefing-create"),
    path("briefings/<int:pk>/", views.briefing_detail, name="outreach-briefing-detail"),
    path("leadership-dialogue/", views.dialogue_dashboard, name="outreach-dialogue"),
    path("publications/", views.publication_list, name="outreach-publications"),
    path("publications/new/", views.publication_create, name="outreach-publication-create"),
    path("website-visits/", views.visits_record, name="outreach-visits-record"),
    path("trainers/", views.trainer_list, name="outreach-trainers"),
    path("trainers/certify/", views.trainer_certify, name="outreach-trainer-certify"),
]
