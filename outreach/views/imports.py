"""The template beside the course-completion upload form: the CSV header and one example row,
per completion (the default) or per period (`?kind=counts`)."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_GET

from ethics_office.base.rows import csv_template_response

from ..services.courses import COUNT_TEMPLATE, PERSON_TEMPLATE


@login_required
@require_GET
def completion_import_template(request):
    if request.GET.get("kind") == "counts":
        return csv_template_response("course-completion-counts-template.csv", *COUNT_TEMPLATE)
    return csv_template_response("course-completions-template.csv", *PERSON_TEMPLATE)
