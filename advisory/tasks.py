"""Celery tasks: take ids, call a service."""

from celery import shared_task

from . import services


@shared_task
def send_officer_digests() -> int:
    return services.officer_digests_send()
