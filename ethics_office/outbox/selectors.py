from ethics_office.base.roles import Role, has_role, roles_of

from .models import Audience, OutboxMessage

READERS = (Role.DIRECTOR, Role.OFFICER, Role.ADMIN)


def outbox_messages_visible_to(user):
    """The Director, officers and administrators see every message's envelope (kind, addresses, status)."""
    if not has_role(user, *READERS):
        return OutboxMessage.objects.none()
    return OutboxMessage.objects.all()


def outbox_content_visible(user, message: OutboxMessage) -> bool:
    """Subject and text: the office for office mail, the Director and the recipients for personal
    mail, nobody for secrets such as a password-reset link. Administrators see envelopes only."""
    roles = roles_of(user)
    if message.audience == Audience.OFFICE:
        return bool(roles & {Role.DIRECTOR, Role.OFFICER})
    if message.audience == Audience.RECIPIENTS:
        return Role.DIRECTOR in roles or (bool(user.email) and user.email in message.to + message.cc)
    return False
