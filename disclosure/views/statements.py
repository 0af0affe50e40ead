"""A statement version, read-only: earlier versions open for the filer, the assigned reviewer and the office."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import services
from ..forms import StatementForm
from ..selectors import statements_visible_to


@login_required
def statement_version(request, pk):
    """Every opening is recorded (statement_read); nothing on the page can change the version."""
    statement = services.statement_read(actor=request.user, statement_id=pk)
    versions = (
        statements_visible_to(request.user)
        .filter(filer_id=statement.filer_id)
        .order_by("-version")
        .defer("contents")
    )
    return render(
        request,
        "disclosure/statement_version.html",
        {
            "statement": statement,
            "filer": statement.filer,
            "sections": StatementForm.initial_from(statement.contents),
            "labels": {name: field.label for name, field in StatementForm.base_fields.items()},
            "versions": versions,
        },
    )
