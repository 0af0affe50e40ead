from django.contrib import messages

from ethics_office.base.errors import ApplicationError, ValidationFailed


def show_error(request, exc: ApplicationError):
    if isinstance(exc, ValidationFailed) and exc.errors:
        for errors in exc.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        messages.error(request, exc.message)
