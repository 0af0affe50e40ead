"""The template beside the records upload form: one example line of every record type."""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from .records.schema import EXAMPLES


@login_required
@require_GET
def import_template(request):
    body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in EXAMPLES)
    response = HttpResponse(body.encode("utf-8"), content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="records-template.jsonl"'
    return response
