import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from retention.services import retention_run


class Command(BaseCommand):
    help = "List (--dry-run) or purge (--apply) the records past their retention period."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--dry-run", action="store_true", help="list what would go, by type and count")
        mode.add_argument("--apply", action="store_true", help="purge it")
        parser.add_argument("--as-of", help="the date to judge by, YYYY-MM-DD (default: today)")

    def handle(self, *args, **options):
        as_of = None
        if options["as_of"]:
            try:
                as_of = dt.date.fromisoformat(options["as_of"])
            except ValueError:
                raise CommandError(f"--as-of {options['as_of']!r} is not a date; give YYYY-MM-DD.") from None
        lines = retention_run(as_of=as_of, apply=options["apply"])
        verb = "purged" if options["apply"] else "would purge"
        for line in lines:
            self.stdout.write(
                f"{line.record_type}: {verb} {line.due} (kept {line.years} years from {line.counted_from}, "
                f"before {line.cutoff.isoformat()}; {line.held} under legal hold)"
            )
        self.stdout.write(f"total: {verb} {sum(line.due for line in lines)}")
