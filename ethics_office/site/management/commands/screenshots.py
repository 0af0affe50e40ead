"""PNG screenshots of the main pages on the demo data, into docs/screenshots/ (README shows them).

    make screenshots        # = DEBUG=1 manage.py screenshots (migrates and seeds the demo data first)

Signs in through the real login form and two-factor step with the demo password and the demo
authenticator, so it only runs where DEBUG is on (the demo accounts exist only there).
"""

import os
import shutil
import threading
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.urls import reverse

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def _current_code(username):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    if device is None:
        return None
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _shots():
    """(file name, role or None, URL, viewport) for the main pages."""
    from advisory.models import AdviceRequest
    from retaliation.models import RetaliationInquiry

    shots = [
        ("01-sign-in", None, reverse("login"), DESKTOP),
        ("02-home-staff", "staff", reverse("home"), DESKTOP),
        ("03-ask-for-advice", "staff", reverse("advisory-ask"), DESKTOP),
        ("04-home-officer", "officer", reverse("home"), DESKTOP),
        ("05-advice-queue", "officer", reverse("advisory-queue"), DESKTOP),
    ]
    advice = AdviceRequest.objects.order_by("-pk").first()
    if advice:
        shots.append(
            ("06-advice-request", "officer", reverse("advisory-request-detail", args=[advice.pk]), DESKTOP)
        )
    shots.append(("07-retaliation-cases", "officer", reverse("retaliation-list"), DESKTOP))
    inquiry = RetaliationInquiry.objects.order_by("-pk").first()
    if inquiry:
        shots.append(
            ("08-retaliation-case", "officer", reverse("retaliation-detail", args=[inquiry.pk]), DESKTOP)
        )
    shots += [
        ("09-disclosure-compliance", "officer", reverse("disclosure-compliance"), DESKTOP),
        ("10-annual-report", "director", reverse("reports-index"), DESKTOP),
        ("11-audit-trail", "director", reverse("audit-events"), DESKTOP),
        ("12-phone-home-staff", "staff", reverse("home"), PHONE),
        ("13-phone-ask-for-advice", "staff", reverse("advisory-ask"), PHONE),
    ]
    return shots


class Command(BaseCommand):
    help = "Generate PNG screenshots of the main pages (demo data, Playwright) into docs/screenshots/."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(Path(settings.BASE_DIR) / "docs" / "screenshots"))
        parser.add_argument("--no-seed", action="store_true", help="use the database as it is")
        parser.add_argument("--language", default="en")

    def handle(self, *args, out, no_seed, language, **options):
        if not settings.DEBUG:
            raise CommandError(
                "screenshots signs in as the demo accounts: run it with DEBUG=1 (make screenshots)"
            )
        if not no_seed:
            call_command("migrate", verbosity=0)
            call_command("seed_demo", verbosity=0)
        # Playwright's sync API keeps an event loop in this thread; our ORM calls around it are synchronous.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        from playwright.sync_api import sync_playwright

        out_dir = Path(out)
        out_dir.mkdir(parents=True, exist_ok=True)
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.wsgi import get_wsgi_application

        server = ThreadedWSGIServer(("127.0.0.1", 0), _QuietHandler, allow_reuse_address=False)
        server.set_app(StaticFilesHandler(get_wsgi_application()))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        executable = shutil.which("chromium")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=executable, headless=True, args=["--no-sandbox", "--disable-gpu"]
                )
                contexts = {}
                for name, role, url, viewport in _shots():
                    key = (role, viewport["width"])
                    if key not in contexts:
                        context = browser.new_context(
                            base_url=base, viewport=viewport, locale="en-GB", device_scale_factor=1
                        )
                        context.add_cookies(
                            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
                        )
                        page = context.new_page()
                        if role:
                            self._sign_in(page, role)
                        contexts[key] = page
                    page = contexts[key]
                    page.goto(url)
                    page.screenshot(path=str(out_dir / f"{name}.png"), full_page=viewport is PHONE)
                    self.stdout.write(f"{name}.png  {role or 'anonymous'}  {url}")
                browser.close()
        finally:
            server.shutdown()
            server.server_close()

    def _sign_in(self, page, username):
        page.goto(reverse("login"))
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", settings.DEMO_PASSWORD)
        page.click("button[type=submit].primary")
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        if "/accounts/two-factor/" in page.url:
            page.fill("input[name=otp]", _current_code(username) or "")
            page.click("button[type=submit].primary")
            page.wait_for_url(lambda url: "/accounts/two-factor/" not in url)
