from django.core.management.base import BaseCommand, CommandError

from ethics_office.audit.services import audit_verify


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain and report the first broken link."

    def handle(self, *args, **options):
        checked, broken, reason = audit_verify()
        if broken is not None:
            raise CommandError(
                f"Audit chain broken at event {broken.pk} ({broken.at:%Y-%m-%d %H:%M:%S}, "
                f"{broken.action} {broken.object_type}#{broken.object_id}): {reason}. "
                f"{checked} events before it are intact."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {checked} events verified."))
