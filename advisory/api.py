"""The advisory API: the same selectors and gate as the pages."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import generics, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ethics_office.base.api import ERROR_RESPONSES, ERROR_SHAPE
from ethics_office.base.dataversion import asked, remembered
from ethics_office.base.errors import ApplicationError
from ethics_office.base.pagination import CappedPageNumberPagination
from ethics_office.base.roles import is_office
from ethics_office.intake.models import Channel
from ethics_office.organisation.models import Person

from . import selectors, services
from .models import AdviceCategory, AdviceRequest, Status
from .permissions import access_advice_request
from .serializers import (
    AdviceMessageSerializer,
    AdviceRequestCreateSerializer,
    AdviceRequestSerializer,
    AnonymousAskSerializer,
    AnonymousMessageCreateSerializer,
    AnonymousMessageSerializer,
    AnonymousReceiptIssuedSerializer,
    AnonymousReceiptSerializer,
    AnonymousThreadSerializer,
    TransitionSerializer,
)
from .throttles import AnonymousAskThrottle, ReceiptThrottle
from .workflow import OPEN

MAX_DAYS = 36500  # a hundred years: any older_than beyond it is a typing error
MAX_ID = 2**31 - 1  # the largest user id PostgreSQL holds


class OfficerField(forms.Field):
    """A user id, or "none" for requests nobody is assigned to."""

    default_error_messages = {"invalid": gettext_lazy("Give a user id (a whole number) or “none”.")}

    def to_python(self, value):
        value = (value or "").strip()
        if value in ("", "none"):
            return value
        if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_ID:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(value)


class StrictBooleanField(forms.Field):
    """true/false (also 1/0, yes/no, on/off); anything else is an error, not "false"."""

    VALUES = {
        "true": True,
        "1": True,
        "yes": True,
        "on": True,
        "false": False,
        "0": False,
        "no": False,
        "off": False,
    }
    default_error_messages = {"invalid": gettext_lazy("Give true or false.")}

    def to_python(self, value):
        value = (value or "").strip().lower()
        if not value:
            return None
        if value not in self.VALUES:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return self.VALUES[value]


@extend_schema_field(OpenApiTypes.STR)
class OfficerFilter(django_filters.Filter):
    field_class = OfficerField


@extend_schema_field(OpenApiTypes.INT)
class WholeNumberFilter(django_filters.Filter):
    field_class = forms.IntegerField


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


class AdviceRequestFilter(django_filters.FilterSet):
    """The list's query parameters. They are validated here (a bad value answers 400 naming the
    parameter) and applied by the selector, so the API and the queue page filter alike."""

    status = django_filters.ChoiceFilter(
        choices=[*Status.choices, ("open", pgettext_lazy("advice status", "Open"))],
        help_text="a status code, or 'open'",
    )
    category = django_filters.ModelChoiceFilter(
        queryset=AdviceCategory.objects.all(), to_field_name="code", help_text="advice category code"
    )
    channel = django_filters.ChoiceFilter(choices=Channel.choices, help_text="intake channel")
    officer = OfficerFilter(help_text="office only: a user id, or 'none'")
    older_than = WholeNumberFilter(min_value=0, max_value=MAX_DAYS)
    overdue = StrictBooleanFilter(help_text="office only: true for requests past their reply date")
    replied = StrictBooleanFilter(help_text="office only: true for requests the requester wrote in last")
    q = django_filters.CharFilter(max_length=100, help_text="office only: reference or requester")
    sort = django_filters.ChoiceFilter(
        choices=[(key, key) for key in selectors.SORTS], help_text="the order of the list (default -received)"
    )

    class Meta:
        model = AdviceRequest
        fields: list[str] = []

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        status_ = data.get("status") or ""
        category = data.get("category")
        older = data.get("older_than")
        filters = {
            "status": "" if status_ in ("", "open") else status_,
            "open_only": status_ == "open",
            "category": category.code if category else "",
            "channel": data.get("channel") or "",
            "officer": data.get("officer") or "",
            "older_than": int(older) if older is not None else None,
            "overdue": bool(data.get("overdue")),
            "replied": bool(data.get("replied")),
            "q": data.get("q") or "",
            "sort": data.get("sort") or "-received",
        }
        user = self.request.user
        if is_office(user):
            return selectors.advice_queue(user, filters=filters)
        if filters["status"]:
            queryset = queryset.filter(status=filters["status"])
        elif filters["open_only"]:
            queryset = queryset.filter(status__in=OPEN)
        if filters["category"]:
            queryset = queryset.filter(category__code=filters["category"])
        return queryset


class AdviceRequestList(generics.ListCreateAPIView):
    """Staff list and create their own requests; the office lists its queue and records on behalf."""

    serializer_class = AdviceRequestSerializer
    filterset_class = AdviceRequestFilter
    pagination_class = CappedPageNumberPagination

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "office": is_office(self.request.user)}

    def get_queryset(self):
        user = self.request.user
        if is_office(user):
            # The office's queue is built from the parameters in AdviceRequestFilter.filter_queryset;
            # one built here was thrown away there (2-3 ms of query building on every cold page).
            # Should anything list this base unfiltered, it lists nothing.
            return AdviceRequest.objects.none()
        return selectors.advice_requests_of_requester(user)

    def list(self, request, *args, **kwargs):
        # The page is kept under the data version for this person and this query (base.dataversion):
        # asked again with nothing changed, the queue makes no query for its rows or its count.
        data = remembered(
            "advisory:api-requests",
            asked(request, request.get_host(), request.accepted_renderer.format),
            lambda: self._listed(request, *args, **kwargs),
        )
        return Response(data)

    def _listed(self, request, *args, **kwargs) -> dict:
        if not is_office(request.user):
            return super().list(request, *args, **kwargs).data
        # The office's queue is read as values (selectors.queue_rows), not model instances.
        queue = self.filter_queryset(self.get_queryset())
        page = self.paginator.paginate_rows(selectors.queue_values(queue), request, counted=queue, view=self)
        serializer, today = self.get_serializer(), timezone.localdate()
        rows = [serializer.row_representation(row, today) for row in selectors.queue_rows(page)]
        return self.get_paginated_response(rows).data

    @extend_schema(
        # The FilterSet documents every parameter; these three say more than their types.
        parameters=[
            OpenApiParameter("officer", OpenApiTypes.STR, description="office only: a user id, or 'none'"),
            OpenApiParameter(
                "older_than",
                OpenApiTypes.INT,
                description="office only: received at least N days ago (0-36500)",
            ),
            OpenApiParameter(
                "overdue",
                OpenApiTypes.BOOL,
                description="office only: true for requests past their reply date",
            ),
        ],
        responses={200: AdviceRequestSerializer(many=True), **ERROR_RESPONSES},
    )
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


# --- Anonymous questions (no account; throttled per hashed address) ---------------------------


ANONYMOUS_ERRORS = {
    **{code: r for code, r in ERROR_RESPONSES.items() if code in (400, 404)},
    429: OpenApiResponse(ERROR_SHAPE, description="Too many calls from this address (throttled)"),
}


def _anonymous(view_class):
    """No authentication, no session, no CSRF: the body is all there is."""
    view_class.authentication_classes = []
    view_class.permission_classes = [AllowAny]
    return view_class


@_anonymous
class AnonymousAsk(APIView):
    """Ask a question without an account. The answer holds the receipt code, shown only this once."""

    throttle_classes = [AnonymousAskThrottle]

    @extend_schema(
        auth=[],
        request=AnonymousAskSerializer,
        responses={201: AnonymousReceiptIssuedSerializer, **ANONYMOUS_ERRORS},
    )
    def post(self, request):
        data = AnonymousAskSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        req, receipt = services.anonymous_question_ask(
            category=data.validated_data["category"], question=data.validated_data["question"]
        )
        body = {"id": req.pk, "ref": req.service_request.ref, "receipt": receipt}
        return Response(body, status=status.HTTP_201_CREATED, headers={"Cache-Control": "no-store"})


def _thread_response(req):
    messages = list(selectors.thread_of(req))
    data = AnonymousThreadSerializer(req, context={"messages": messages}).data
    return Response(data, headers={"Cache-Control": "no-store"})


@_anonymous
class AnonymousThread(APIView):
    """The question and the messages the code opens; a wrong code is a plain 404."""

    throttle_classes = [ReceiptThrottle]

    @extend_schema(
        auth=[],
        request=AnonymousReceiptSerializer,
        responses={200: AnonymousThreadSerializer, **ANONYMOUS_ERRORS},
    )
    def post(self, request):
        data = AnonymousReceiptSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _thread_response(services.anonymous_thread_open(receipt=data.validated_data["receipt"]))


@_anonymous
class AnonymousMessages(APIView):
    """Write more in the thread the code opens; the assigned officer is told (without content)."""

    throttle_classes = [ReceiptThrottle]

    @extend_schema(
        auth=[],
        request=AnonymousMessageCreateSerializer,
        responses={201: AnonymousMessageSerializer, **ANONYMOUS_ERRORS},
    )
    def post(self, request):
        data = AnonymousMessageCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.anonymous_message_post(
            receipt=data.validated_data["receipt"], body=data.validated_data["body"]
        )
        return Response(AnonymousMessageSerializer(message).data, status=status.HTTP_201_CREATED)
