"""The site's own API: token sign-in and who-am-I."""

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ethics_office.base.api import ERROR_RESPONSES, error_response
from ethics_office.base.roles import roles_of
from ethics_office.organisation.selectors import person_of


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class ObtainTokenView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: ERROR_RESPONSES[400],
        },
    )
    def post(self, request):
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        # authenticate() sends user_login_failed on a bad password, which the audit trail records.
        user = authenticate(
            request, username=data.validated_data["username"], password=data.validated_data["password"]
        )
        if user is None or not user.is_active:
            return error_response(
                "invalid_credentials", _("Unable to log in with the given username and password.")
            )
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key}, status=status.HTTP_200_OK)


class MeView(APIView):
    @extend_schema(
        responses={
            200: inline_serializer(
                "Me",
                {
                    "username": serializers.CharField(),
                    "roles": serializers.ListField(child=serializers.CharField()),
                    "person": serializers.DictField(allow_null=True),
                },
            ),
            **{k: v for k, v in ERROR_RESPONSES.items() if k in (401, 403)},
        }
    )
    def get(self, request):
        person = person_of(request.user)
        return Response(
            {
                "username": request.user.get_username(),
                "roles": sorted(roles_of(request.user)),
                "person": None
                if person is None
                else {
                    "index_number": person.index_number,
                    "name": person.name,
                    "grade": person.grade,
                    "entity": person.entity.code,
                    "duty_station": person.duty_station.code,
                },
            }
        )
