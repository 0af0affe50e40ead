"""`manage.py annual_report --period 2011-2012 --format json|pdf|docx|xlsx [--output FILE] [--language ar|zh-hans|en|fr|ru|es]`."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from reports.cache import OFFICIAL_LANGUAGES
from reports.queries import Period, annual_report
from reports.services import report_export_record

FORMATS = ("json", "pdf", "docx", "xlsx")


class Command(BaseCommand):
    help = "Write the annual report for a period (1 August – 31 July) as JSON, PDF, Word or Excel."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="YYYY-YYYY, e.g. 2011-2012")
        parser.add_argument("--format", default="json", choices=FORMATS)
        parser.add_argument("--output", help="file to write (JSON goes to standard output by default)")
        parser.add_argument("--language", default="en", choices=OFFICIAL_LANGUAGES)

    def handle(self, *args, period, format, output, language, **options):
        try:
            Period.parse(period)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        with translation.override(language):
            report = annual_report(period)
            if format == "json":
                data = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode()
            else:
                from reports import exports

                data = exports.render(report, format)
        # An export from the command line is recorded like one from the page (no signed-in actor).
        report_export_record(actor=None, period=period, fmt=format, language=language)
        if output:
            with open(output, "wb") as handle:
                handle.write(data)
            self.stderr.write(f"Wrote {output} ({len(data)} bytes).")
        elif format == "json":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            raise CommandError("--output is required for pdf, docx and xlsx.")
