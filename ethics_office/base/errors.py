"""One family of errors raised by services.

Views turn them into form errors, the API into its one JSON error shape.
"""


class ApplicationError(Exception):
    """A business rule refused the operation. `message` is user-facing (translated)."""

    code = "invalid"

    def __init__(self, message, *, field: str | None = None, extra: dict | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.extra = extra or {}


class ValidationFailed(ApplicationError):
    """Input was checked and found wrong; `errors` maps field names to messages."""

    code = "validation_failed"

    def __init__(self, message, *, errors: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.errors = errors or {}


class TransitionNotAllowed(ApplicationError):
    code = "transition_not_allowed"


class OwnMatter(ApplicationError):
    """Segregation of duties: nobody acts for the office on a matter that concerns themselves."""

    code = "own_matter"
