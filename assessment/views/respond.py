"""The respondent's page: the questionnaire behind a one-time link, no sign-in, nothing kept
that could say who answered."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache

from ethics_office.base.errors import ValidationFailed
from ethics_office.base.mail import language_of

from .. import services
from ..selectors import instrument_with_items


@never_cache
def respond(request, token):
    """Shown in the language the invitation was written in, unless the reader has chosen one."""
    invitation = services.invitation_for_token(token)
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return _respond(request, token, invitation)
    with translation.override(language_of(person=invitation.person)):
        return _respond(request, token, invitation)


def _respond(request, token, invitation):
    instrument = instrument_with_items(invitation.assessment.instrument_id)
    errors, given = {}, {}
    if request.method == "POST":
        items = [i for s in instrument.sections.all() for i in s.items.all()]
        given = {
            i.code: (request.POST.getlist(i.code) if i.kind == "multiple" else request.POST.get(i.code, ""))
            for i in items
        }
        try:
            services.response_submit(token=token, data=given)
            return render(request, "assessment/thanks.html", {"instrument": instrument})
        except ValidationFailed as exc:
            errors = exc.errors
    sections = [
        (
            section,
            [
                {
                    "item": item,
                    "error": (errors.get(item.code) or [None])[0],
                    "given": _shown(item, given.get(item.code)),
                }
                for item in section.items.all()
            ],
        )
        for section in instrument.sections.all()
    ]
    return render(
        request,
        "assessment/respond.html",
        {"instrument": instrument, "sections": sections, "errors": errors, "scale": range(1, 6)},
        status=400 if errors else 200,
    )


def _shown(item, value):
    """What the form shows again after an error: a list for choice items, the text otherwise."""
    if item.kind in ("single", "multiple"):
        return [value] if isinstance(value, str) and value else list(value or [])
    return value or ""
