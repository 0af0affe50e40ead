from django.urls import path

from . import api

urlpatterns = [
    path("requests/", api.AdviceRequestList.as_view(), name="api-advice-requests"),
    path("requests/<int:pk>/", api.AdviceRequestDetail.as_view(), name="api-advice-request-detail"),
    path("requests/<int:pk>/messages/", api.AdviceMessageList.as_view(), name="api-advice-request-messages"),
    path(
        "requests/<int:pk>/transition/",
        api.AdviceRequestTransition.as_view(),
        name="api-advice-request-transition",
    ),
    path("anonymous/", api.AnonymousAsk.as_view(), name="api-advice-anonymous"),
    path("anonymous/thread/", api.AnonymousThread.as_view(), name="api-advice-anonymous-thread"),
    path(
        "anonymous/thread/messages/",
        api.AnonymousMessages.as_view(),
        name="api-advice-anonymous-messages",
    ),
]
