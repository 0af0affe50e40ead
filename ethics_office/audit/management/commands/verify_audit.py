from django.core.management.base import BaseCommand, CommandError

from ethics_office.audit.services import audit_seal_pending, audit_verify


class Command(BaseCommand):
    help = "Verify the audit trail's keyed chain and its checkpoints; report the first broken link."

    def handle(self, *args, **options):
        audit_seal_pending()
        result = audit_verify()
        if not result.intact:
            where = ""
            if result.broken is not None:
                event = result.broken
                where = (
                    f" at event {event.pk} ({event.at:%Y-%m-%d %H:%M:%S}, "
                    f"{event.action} {event.object_type}#{event.object_id})"
                )
            raise CommandError(
                f"Audit chain broken{where}: {result.reason}. {result.checked} events before it are intact."
            )
        pending = f" ({result.pending} waiting to be sealed)" if result.pending else ""
        self.stdout.write(
            self.style.SUCCESS(f"Audit chain intact: {result.checked} events verified{pending}.")
        )
