"""The template beside the filer-list upload form: the CSV header and one example row."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_GET

from ethics_office.base.rows import csv_template_response

from ..services.cycles import CSV_COLUMNS, CSV_EXAMPLE


@login_required
@require_GET
def filer_import_template(request):
    return csv_template_response("filer-list-template.csv", CSV_COLUMNS, CSV_EXAMPLE)
