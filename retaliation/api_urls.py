from django.urls import path

from . import api

urlpatterns = [
    path("requests/", api.InquiryListCreate.as_view(), name="api-retaliation-requests"),
    path("requests/<int:pk>/", api.InquiryDetail.as_view(), name="api-retaliation-request"),
    path(
        "requests/<int:pk>/messages/",
        api.InquiryMessageList.as_view(),
        name="api-retaliation-request-messages",
    ),
]
