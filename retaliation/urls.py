from django.urls import path

from . import views

urlpatterns = [
    path("", views.inquiry_list, name="retaliation-list"),
    path("request/", views.inquiry_request, name="retaliation-request"),
    path("record/", views.inquiry_record, name="retaliation-record"),
    path("register/", views.determinations_register, name="retaliation-register"),
    path("<int:pk>/", views.inquiry_detail, name="retaliation-detail"),
    path("<int:pk>/evidence/<int:evidence_pk>/", views.evidence_download, name="retaliation-evidence"),
    path("<int:pk>/letters/<int:letter_pk>/", views.letter_download, name="retaliation-letter"),
    # One URL per action on a case (all POST).
    path("<int:pk>/assign/", views.case_assign, name="retaliation-assign"),
    path("<int:pk>/unassign/", views.case_unassign, name="retaliation-unassign"),
    path("<int:pk>/classify/", views.case_classify, name="retaliation-classify"),
    path("<int:pk>/notes/", views.note_add, name="retaliation-note-add"),
    path("<int:pk>/actions/", views.action_add, name="retaliation-action-add"),
    path("<int:pk>/evidence/", views.evidence_add, name="retaliation-evidence-add"),
    path("<int:pk>/pause/", views.clock_pause, name="retaliation-pause"),
    path("<int:pk>/resume/", views.clock_resume, name="retaliation-resume"),
    path("<int:pk>/review/", views.review_complete, name="retaliation-review"),
    path("<int:pk>/interim/", views.interim_recommend, name="retaliation-interim"),
    path("<int:pk>/interim/implemented/", views.interim_implemented, name="retaliation-interim-implemented"),
    path("<int:pk>/report/", views.report_receive, name="retaliation-report"),
    path("<int:pk>/determination/", views.determination_make, name="retaliation-determination"),
    path("<int:pk>/corrective/", views.corrective_recommend, name="retaliation-corrective"),
    path(
        "<int:pk>/corrective/implemented/",
        views.corrective_implemented,
        name="retaliation-corrective-implemented",
    ),
    path("<int:pk>/letters/", views.letter_generate, name="retaliation-letter-generate"),
    path("<int:pk>/sign-off/", views.sign_off, name="retaliation-sign-off"),
    path("<int:pk>/messages/", views.message_post, name="retaliation-message"),
    path("<int:pk>/panel-review/", views.panel_review_request, name="retaliation-panel-review"),
]
