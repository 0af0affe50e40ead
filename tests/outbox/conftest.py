import pytest
from django.db import connection

from .servers import RedisServer, SMTPServer, Worker


@pytest.fixture
def smtp_server(settings):
    """A mail server of the test's own; the application's mailer points at it."""
    server = SMTPServer()
    server.start()
    settings.MAILERS = server.mailers()
    yield server
    server.stop()


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def _use_broker(url: str | None, *, eager: bool) -> None:
    from ethics_office.celery import app

    app.conf.broker_url = url
    app.conf.task_always_eager = eager
    # The producer pools belong to the broker they were opened on: drop them.
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker(redis_server, settings):
    """The application publishes to the test's own Redis, for real (not eager)."""
    from ethics_office.celery import app

    saved = app.conf.broker_url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    _use_broker(redis_server.url, eager=False)
    yield redis_server
    _use_broker(saved, eager=True)


@pytest.fixture
def worker_for(smtp_server, redis_server):
    """worker_for() -> a started Celery worker process on the test's Redis, database and SMTP."""
    started = []

    def make(**kwargs):
        worker = Worker(
            database_name=connection.settings_dict["NAME"], redis=redis_server, smtp=smtp_server, **kwargs
        )
        worker.start()
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.stop()
