from django.core.management.base import BaseCommand

from disclosure.services import statements_reencrypt


class Command(BaseCommand):
    help = "Re-encrypt statements and other confidential disclosure columns under the newest key."

    def handle(self, *args, **options):
        count = statements_reencrypt(actor=None)
        self.stdout.write(f"Re-encrypted {count} rows.")
