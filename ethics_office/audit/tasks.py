from celery import shared_task

from .services import audit_checkpoint_write, audit_seal_pending


@shared_task(name="ethics_office.audit.tasks.seal_pending")
def seal_pending() -> int:
    """Seal events whose process stopped between their commit and their seal."""
    return audit_seal_pending()


@shared_task(name="ethics_office.audit.tasks.checkpoint")
def checkpoint() -> int | None:
    """Anchor the chain's head outside the database."""
    entry = audit_checkpoint_write()
    return entry["seq"] if entry else None
