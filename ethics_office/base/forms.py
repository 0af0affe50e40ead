"""Browser side of the ApplicationError family: a service's refusal becomes a form error."""

from .errors import ApplicationError, ValidationFailed


def add_application_error(form, exc: ApplicationError) -> None:
    """Put each refusal beside the field it names, or above the form when it names none of the form's fields."""
    if isinstance(exc, ValidationFailed) and exc.errors:
        for field, messages in exc.errors.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, str(message))
        return
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
