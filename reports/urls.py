from django.urls import path

from . import views
from .template_views import import_template

urlpatterns = [
    path("", views.index, name="reports-index"),
    path("annual/<str:period>/", views.annual, name="reports-annual"),
    path(
        "annual/<str:period>/charts/<slug:slug>.<slug:fmt>", views.annual_chart, name="reports-annual-chart"
    ),
    path("annual/<str:period>/download/<slug:fmt>/", views.annual_export, name="reports-annual-export"),
    path("import/", views.import_upload, name="reports-import"),
    path("import/confirm/", views.import_confirm, name="reports-import-confirm"),
    path("import/jobs/<uuid:pk>/", views.import_job, name="reports-import-job"),
    path("import/template.jsonl", import_template, name="reports-import-template"),
]
