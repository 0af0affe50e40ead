"""Celery tasks: take ids, call a service."""

from celery import shared_task

from . import services


@shared_task
def send_reply_notice(request_id: int) -> bool:
    return services.reply_notice_send(request_id=request_id)


@shared_task
def send_officer_digests() -> int:
    return services.officer_digests_send()
