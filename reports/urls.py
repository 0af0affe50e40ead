from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="reports-index"),
    path("annual/<str:period>/", views.annual, name="reports-annual"),
    path("annual/<str:period>/download/<slug:fmt>/", views.annual_export, name="reports-annual-export"),
    path("import/", views.import_upload, name="reports-import"),
    path("import/confirm/", views.import_confirm, name="reports-import-confirm"),
]
