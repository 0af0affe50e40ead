from django.urls import path

from . import views

urlpatterns = [
    path("", views.message_list, name="outbox-messages"),
    path("<int:pk>/retry/", views.message_retry, name="outbox-message-retry"),
]
