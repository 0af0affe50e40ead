from django.urls import path

from . import views

urlpatterns = [
    path("roadmap/", views.roadmap, name="advisory-roadmap"),
    path("roadmap/new/", views.roadmap_edit, name="advisory-roadmap-create"),
    path("roadmap/<int:pk>/edit/", views.roadmap_edit, name="advisory-roadmap-edit"),
    path("ask/", views.ask, name="advisory-ask"),
    path("anonymous/", views.anonymous_ask, name="advisory-anonymous-ask"),
    path("anonymous/thread/", views.anonymous_thread, name="advisory-anonymous-thread"),
    path("anonymous/thread/messages/", views.anonymous_message, name="advisory-anonymous-message"),
    path("mine/", views.my_requests, name="advisory-my-requests"),
    path("requests/<int:pk>/", views.request_detail, name="advisory-request-detail"),
    path("requests/<int:pk>/submitted/", views.submitted, name="advisory-submitted"),
    path("requests/<int:pk>/messages/", views.message_post, name="advisory-message-post"),
    path("requests/<int:pk>/notes/", views.note_add, name="advisory-note-add"),
    path("requests/<int:pk>/assign/", views.assign, name="advisory-assign"),
    path("requests/<int:pk>/transition/", views.transition, name="advisory-transition"),
    path("requests/<int:pk>/outcome/", views.outcome, name="advisory-outcome"),
    path("requests/<int:pk>/vendor/", views.vendor, name="advisory-vendor"),
    path("attachments/<int:pk>/", views.attachment_download, name="advisory-attachment"),
    path("queue/", views.queue, name="advisory-queue"),
    path("record/", views.record, name="advisory-record"),
    path("precedents/", views.precedents, name="advisory-precedents"),
    path("precedents/new/", views.precedent_create, name="advisory-precedent-create"),
    path("precedents/<int:pk>/", views.precedent_detail, name="advisory-precedent-detail"),
]
