"""The advisory API: the same selectors and gate as the pages."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from ethics_office.base.api import ERROR_RESPONSES
from ethics_office.base.errors import ApplicationError
from ethics_office.base.roles import is_office
from ethics_office.organisation.models import Person

from . import selectors, services
from .permissions import access_advice_request
from .serializers import (
    AdviceMessageSerializer,
    AdviceRequestCreateSerializer,
    AdviceRequestSerializer,
    TransitionSerializer,
)

FILTERS = [
    OpenApiParameter("status", OpenApiTypes.STR, description="a status code, or 'open'"),
    OpenApiParameter("category", OpenApiTypes.STR, description="advice category code"),
    OpenApiParameter("channel", OpenApiTypes.STR),
    OpenApiParameter("officer", OpenApiTypes.STR, description="office only: a user id, or 'none'"),
    OpenApiParameter("older_than", OpenApiTypes.INT, description="office only: received at least N days ago"),
    OpenApiParameter("overdue", OpenApiTypes.BOOL, description="office only"),
    OpenApiParameter("q", OpenApiTypes.STR, description="office only: reference or requester"),
    OpenApiParameter(
        "sort", OpenApiTypes.STR, description="received, -received, ref, status, category, officer"
    ),
]


def _query_filters(params) -> dict:
    status_ = params.get("status", "")
    older = params.get("older_than", "")
    return {
        "status": "" if status_ in ("", "open") else status_,
        "open_only": status_ == "open",
        "category": params.get("category", ""),
        "channel": params.get("channel", ""),
        "officer": params.get("officer", ""),
        "older_than": int(older) if older.isdigit() else None,
        "overdue": params.get("overdue", "").lower() in ("1", "true", "on", "yes"),
        "q": params.get("q", ""),
        "sort": params.get("sort", "-received"),
    }


class AdviceRequestList(generics.ListCreateAPIView):
    """Staff list and create their own requests; the office lists its queue and records on behalf."""

    serializer_class = AdviceRequestSerializer
    filter_backends: list = []

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "office": is_office(self.request.user)}

    def get_queryset(self):
        filters = _query_filters(self.request.query_params)
        user = self.request.user
        if is_office(user):
            return selectors.advice_queue(user, filters=filters)
        qs = selectors.advice_requests_of_requester(user)
        if filters["status"]:
            qs = qs.filter(status=filters["status"])
        if filters["category"]:
            qs = qs.filter(category__code=filters["category"])
        return qs

    @extend_schema(parameters=FILTERS, responses={200: AdviceRequestSerializer(many=True), **ERROR_RESPONSES})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=AdviceRequestCreateSerializer, responses={201: AdviceRequestSerializer, **ERROR_RESPONSES}
    )
    def post(self, request, *args, **kwargs):
        data = AdviceRequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        on_behalf = any(
            k in request.data for k in ("requester_index", "channel", "intake_category", "received")
        )
        if on_behalf and is_office(request.user):
            requester = None
            if index := (d.get("requester_index") or "").strip():
                requester = Person.objects.filter(index_number__iexact=index).first()
                if requester is None:
                    raise ApplicationError(
                        _("No staff member has this index number."), field="requester_index"
                    )
            req = services.advice_request_record(
                actor=request.user,
                requester=requester,
                intake_category=d["intake_category"],
                category=d.get("category") or None,
                question=d["question"],
                channel=d.get("channel") or "email",
                received=d.get("received"),
            )
        else:
            req = services.advice_request_submit(
                actor=request.user, category=d.get("category") or "", question=d["question"]
            )
        req = access_advice_request(request.user, req.pk)
        return Response(self.get_serializer(req).data, status=status.HTTP_201_CREATED)


@extend_schema(responses={200: AdviceRequestSerializer, **ERROR_RESPONSES})
class AdviceRequestDetail(APIView):
    """One request, through the gate; the view is audited."""

    def get(self, request, pk):
        req = services.advice_request_open(actor=request.user, pk=pk)
        office = selectors.sees_as_office(request.user, req)
        return Response(AdviceRequestSerializer(req, context={"request": request, "office": office}).data)


class AdviceMessageList(APIView):
    """The confidential thread: the requester and the office."""

    @extend_schema(responses={200: AdviceMessageSerializer(many=True), **ERROR_RESPONSES})
    def get(self, request, pk):
        req = services.advice_request_open(actor=request.user, pk=pk)
        return Response(AdviceMessageSerializer(selectors.thread_of(req), many=True).data)

    @extend_schema(
        request=AdviceMessageSerializer, responses={201: AdviceMessageSerializer, **ERROR_RESPONSES}
    )
    def post(self, request, pk):
        data = AdviceMessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.advice_message_post(
            actor=request.user, request_id=pk, body=data.validated_data["body"]
        )
        return Response(AdviceMessageSerializer(message).data, status=status.HTTP_201_CREATED)


class AdviceRequestTransition(APIView):
    """Change status (the assigned officer or the Director; a requester may only withdraw)."""

    @extend_schema(request=TransitionSerializer, responses={200: AdviceRequestSerializer, **ERROR_RESPONSES})
    def post(self, request, pk):
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.advice_request_transition(actor=request.user, request_id=pk, to=data.validated_data["to"])
        req = access_advice_request(request.user, pk)
        office = selectors.sees_as_office(request.user, req)
        return Response(AdviceRequestSerializer(req, context={"request": request, "office": office}).data)
