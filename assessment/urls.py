from django.urls import path

from . import views

urlpatterns = [
    path("", views.assessment_list, name="assessment-list"),
    path("new/", views.assessment_create, name="assessment-create"),
    path("<int:pk>/", views.assessment_detail, name="assessment-detail"),
    path("<int:pk>/draw/", views.assessment_draw, name="assessment-draw"),
    path("<int:pk>/field/", views.assessment_field, name="assessment-field"),
    path("<int:pk>/remind/", views.assessment_remind, name="assessment-remind"),
    path("<int:pk>/close/", views.assessment_close, name="assessment-close"),
    path("<int:pk>/publish/", views.assessment_publish, name="assessment-publish"),
    path("<int:pk>/results/", views.results, name="assessment-results"),
    path("<int:pk>/results.<str:fmt>", views.results_export, name="assessment-results-export"),
    path("<int:pk>/free-text/", views.free_text, name="assessment-free-text"),
    path("<int:pk>/register/", views.register_add, name="assessment-register-add"),
    path("register/", views.register_list, name="assessment-register"),
    path("register/<int:pk>/", views.register_entry, name="assessment-register-entry"),
    path("actions/<int:pk>/", views.action_update, name="assessment-action-update"),
    path("questionnaires/", views.instrument_list, name="assessment-instruments"),
    path("questionnaires/<int:pk>/", views.instrument_detail, name="assessment-instrument"),
    path(
        "questionnaires/<int:pk>/sections/",
        views.instrument_section_add,
        name="assessment-instrument-section-add",
    ),
    path("questionnaires/<int:pk>/items/", views.instrument_item_add, name="assessment-instrument-item-add"),
    path("questionnaires/<int:pk>/revise/", views.instrument_revise, name="assessment-instrument-revise"),
    path("risks/", views.risk_add, name="assessment-risk-add"),
    path("respond/<str:token>/", views.respond, name="assessment-respond"),
]
