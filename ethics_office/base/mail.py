"""E-mail in the recipient's language."""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


def language_of(person=None, user=None) -> str:
    if person is None and user is not None:
        person = getattr(user, "person", None) if user.is_authenticated else None
    language = getattr(person, "language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@contextmanager
def in_language_of(person=None, user=None):
    """Compose a message for this person: `with in_language_of(person): subject = _("…")`."""
    with translation.override(language_of(person=person, user=user)):
        yield
