from django.urls import path

from . import api

urlpatterns = [path("", api.OutboxMessageList.as_view(), name="api-outbox-messages")]
