"""`manage.py import_records FILE.jsonl [--dry-run]`: the records import from the command line."""

from django.core.management.base import BaseCommand, CommandError

from reports.records.services import ImportRejected, records_import


class Command(BaseCommand):
    help = "Import records (JSON Lines, see the records spec). All or nothing; safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .jsonl file, or - for standard input")
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")

    def handle(self, *args, file, dry_run, **options):
        if file == "-":
            import sys

            lines = sys.stdin.buffer.read().splitlines()
        else:
            try:
                with open(file, "rb") as handle:
                    lines = handle.read().splitlines()
            except OSError as exc:
                raise CommandError(f"Cannot read {file}: {exc}") from exc
        try:
            result = records_import(actor=None, lines=lines, dry_run=dry_run, source=str(file)[:200])
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(str(exc.message)) from None
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(f"{verb} {result.records} records from {result.lines} lines.")
        for rtype, counts in result.counts.items():
            self.stdout.write(
                f"  {rtype:<20} created {counts.get('created', 0):>6}  updated {counts.get('updated', 0):>6}"
                f"  unchanged {counts.get('unchanged', 0):>6}"
            )
