from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.template import loader
from django.utils import timezone

from ethics_office.base.mail import in_language_of, language_of
from ethics_office.outbox.models import Audience
from ethics_office.outbox.services import outbox_enqueue


class OutboxPasswordResetForm(PasswordResetForm):
    """The reset link goes through the outbox like every other e-mail; nobody may read it there."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        # In the account holder's language, not the language of whoever asked for the reset.
        with in_language_of(user=user):
            subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
            body = loader.render_to_string(email_template_name, context)
        with transaction.atomic():
            outbox_enqueue(
                # The key never holds the token: envelopes are shown to administrators.
                key=f"accounts.password_reset:{user.pk}:{timezone.now().isoformat()}",
                kind="accounts.password_reset",
                to=[to_email],
                subject=subject,
                body=body,
                language=language_of(user=user),
                audience=Audience.NOBODY,
            )
