"""/api/retaliation/requests/ — the same selectors and gates as the pages."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from ethics_office.base.api import ERROR_RESPONSES

from . import services
from .permissions import access_own_retaliation_inquiry, access_retaliation_inquiry
from .selectors import (
    case_messages,
    complainant_letters,
    inquiries_listed_for,
)
from .serializers import (
    ComplainantInquirySerializer,
    InquiryCreateSerializer,
    InquiryListSerializer,
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
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(InquiryListSerializer(page, many=True).data)

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
