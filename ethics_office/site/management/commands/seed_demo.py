"""Load the demo data set: organisation, one user per role, then each app's demo records.

Safe to run again: everything is keyed and upserted.
"""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ethics_office.organisation import demo
from ethics_office.site.second_factor import demo_enrol_privileged

# Each app may have a `demo.py` with `seed(stdout)`; they run in this order.
APP_DEMOS = ["reports.records", "advisory", "disclosure", "retaliation", "outreach", "panel", "assessment"]


class Command(BaseCommand):
    help = "Load demo data (organisation, users per role, case records). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only-people", action="store_true", help="Load the organisation and users only."
        )
        parser.add_argument(
            "--i-know-this-is-a-demo",
            action="store_true",
            dest="demo_confirmed",
            help="Load the demo with DEBUG off (it creates accounts with a published password).",
        )

    def handle(self, *args, **options):
        if not (settings.DEBUG or settings.TESTING or options["demo_confirmed"]):
            raise CommandError(
                "seed_demo creates a superuser and a Director whose password is published. It runs only "
                "with DEBUG on, or with --i-know-this-is-a-demo on a server that holds nothing real."
            )
        with transaction.atomic():
            demo.seed_people()
            enrolled = demo_enrol_privileged(settings.DEMO_TOTP_SECRET)
        if not options["only_people"]:
            for module_name in APP_DEMOS:
                try:
                    module = importlib.import_module(f"{module_name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name not in (module_name, f"{module_name}.demo"):
                        raise
                    continue
                with transaction.atomic():
                    module.seed(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded. Logins (password: {settings.DEMO_PASSWORD}):")
        )
        for username, role_label in demo.DEMO_LOGINS:
            code = "  + authenticator code" if username in enrolled else ""
            self.stdout.write(f"  {username:<11} {role_label}{code}")
        self.stdout.write(
            f"Authenticator (TOTP) secret of every account marked + : {settings.DEMO_TOTP_SECRET}\n"
            "  Add it to an authenticator app by hand (account: any name, key: the secret above,\n"
            "  time-based, 6 digits, 30 seconds), then sign in with the six digits it shows."
        )
