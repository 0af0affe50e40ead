"""/api/retaliation/requests/ — the same selectors and gates as the pages."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from ethics_office.base.api import ERROR_RESPONSES
from ethics_office.base.dataversion import asked, remembered

from . import services
from .permissions import access_case_or_own, access_own_retaliation_inquiry, access_retaliation_inquiry
from .selectors import (
    case_messages,
    complainant_letters,
    inquiries_listed_for,
)
from .serializers import (
    ComplainantInquirySerializer,
    InquiryCreateSerializer,
    InquiryListSerializer,
    MessageCreateSerializer,
    MessageSerializer,
    OfficeInquirySerializer,
)


class InquiryListCreate(generics.GenericAPIView):
    """Cases the user handles, plus their own requests; POST asks for protection for oneself."""

    serializer_class = InquiryListSerializer

    def get_queryset(self):
        user = self.request.user
        return inquiries_listed_for(user).order_by("-id")

    @extend_schema(responses={200: InquiryListSerializer(many=True), **ERROR_RESPONSES})
    def get(self, request):
        # Kept under the data version for this person and this query, as the cases page is
        # (base.dataversion): asked again with nothing changed, no query for the rows or the count.
        data = remembered(
            "retaliation:api-requests",
            asked(request, request.get_host(), request.accepted_renderer.format),
            lambda: self._listed(request),
        )
        return Response(data)

    def _listed(self, request) -> dict:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(InquiryListSerializer(page, many=True).data).data

    @extend_schema(
        request=InquiryCreateSerializer, responses={201: ComplainantInquirySerializer, **ERROR_RESPONSES}
    )
    def post(self, request):
        data = InquiryCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        inquiry = services.inquiry_request(actor=request.user, **data.validated_data)
        body = ComplainantInquirySerializer(inquiry, context={"letters": []}).data
        return Response(body, status=status.HTTP_201_CREATED)


class InquiryDetail(APIView):
    @extend_schema(responses={200: OfficeInquirySerializer, **ERROR_RESPONSES})
    def get(self, request, pk):
        try:
            inquiry = access_retaliation_inquiry(request.user, pk)
        except Http404:
            inquiry = access_own_retaliation_inquiry(request.user, pk)
            services.inquiry_view_record(actor=request.user, inquiry=inquiry, what="status")
            context = {
                "letters": list(complainant_letters(inquiry)),
                "messages": list(case_messages(inquiry)),
            }
            return Response(ComplainantInquirySerializer(inquiry, context=context).data)
        services.inquiry_view_record(actor=request.user, inquiry=inquiry, what="case")
        return Response(OfficeInquirySerializer(inquiry).data)


class InquiryMessageList(APIView):
    """The thread between the complainant and the officers assigned to the case (the same gate
    as the case: 404 for anyone else). Reading it is recorded; a post tells the other side by a
    content-free e-mail."""

    @extend_schema(responses={200: MessageSerializer(many=True), **ERROR_RESPONSES})
    def get(self, request, pk):
        inquiry, _handles = access_case_or_own(request.user, pk)
        services.inquiry_view_record(actor=request.user, inquiry=inquiry, what="messages")
        return Response(MessageSerializer(case_messages(inquiry), many=True).data)

    @extend_schema(request=MessageCreateSerializer, responses={201: MessageSerializer, **ERROR_RESPONSES})
    def post(self, request, pk):
        access_case_or_own(request.user, pk)  # 404 before any word on the body
        data = MessageCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.case_message_post(
            actor=request.user, inquiry_id=pk, body=data.validated_data["body"]
        )
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)
