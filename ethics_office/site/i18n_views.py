from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse
from django.views.i18n import set_language as django_set_language

from ethics_office.organisation.selectors import person_of
from ethics_office.organisation.services import person_language_set

from .lockout import address_throttled, throttled_response
from .second_factor import second_factor_required


def set_language(request):
    """Django's language switch, which also remembers a signed-in person's choice for e-mails."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.method == "POST" and request.user.is_authenticated and language in dict(settings.LANGUAGES):
        person = person_of(request.user)
        if person is not None:
            person_language_set(actor=request.user, person=person, language=language)
    return response


class LoginView(auth_views.LoginView):
    """The password step. Signing in restores the person's language (a new browser has no language
    cookie yet); a person who needs a second factor goes on to give it (or to enrol)."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if address_throttled(request):
            return throttled_response(request)
        return super().post(request, *args, **kwargs)

    def get_success_url(self):
        url = super().get_success_url()
        if second_factor_required(self.request.user):
            return reverse("two-factor") + "?" + urlencode({"next": url})
        return url

    def form_valid(self, form):
        response = super().form_valid(form)
        person = person_of(form.get_user())
        if person is not None and not self.request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                person.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
