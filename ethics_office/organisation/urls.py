from django.urls import path

from . import views

urlpatterns = [
    path("changes/", views.access_changes, name="access-changes"),
    path(
        "changes/<int:pk>/<str:decision>/",
        views.access_change_decision,
        name="access-change-decision",
    ),
]
