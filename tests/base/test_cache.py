"""The Redis cache backend deployments use (ethics_office.base.cache), against a real Redis:
one redis-py client per pool, made once, that behaves as Django's own — in a forked worker too."""

import os
import signal
import time

import pytest
from django.conf import settings

from ethics_office.base.cache import SharedClientRedisCache


@pytest.fixture
def redis_cache():
    # The suite's own Redis database (each parallel test process has its own number).
    cache = SharedClientRedisCache(
        settings.REDIS_URL or "redis://127.0.0.1:6379/0", {"KEY_PREFIX": "test-cache"}
    )
    try:
        cache.delete("probe")
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"no Redis at {settings.REDIS_URL or 'redis://127.0.0.1:6379/0'}: {exc}")
    yield cache
    cache.delete_many(["probe", "counter", "child"])


def test_one_client_serves_every_operation(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    assert redis_cache._cache.get_client() is client
    redis_cache.set("probe", {"rows": [1, 2, 3]}, 30)
    assert redis_cache.get("probe") == {"rows": [1, 2, 3]}
    assert redis_cache.add("counter", 1, None) is True
    assert redis_cache.incr("counter") == 2
    redis_cache.delete("probe")
    assert redis_cache.get("probe") is None
    assert redis_cache._cache.get_client() is client


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_process_uses_its_own_connections(redis_cache):
    """A gunicorn or Celery worker forks after the client was made: the child's commands go over
    connections of its own (the pool starts afresh), and the parent's still work."""
    redis_cache.set("probe", "parent", 30)
    parent_pool = redis_cache._cache.get_client().connection_pool
    pid = os.fork()
    if pid == 0:  # the child: exit 0 only if it reads and writes through the shared client
        try:
            ok = redis_cache.get("probe") == "parent"
            redis_cache.set("child", os.getpid(), 30)
            os._exit(0 if ok else 1)
        except BaseException:  # noqa: BLE001
            os._exit(2)
    # The suite's process has threads of its own: should the child ever hang on a lock held at
    # the fork, the test fails in 20 s rather than hanging the run.
    deadline = time.monotonic() + 20
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    if done[0] == 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the forked child did not finish in 20 s")
    assert os.waitstatus_to_exitcode(done[1]) == 0
    assert redis_cache.get("child") == pid
    assert redis_cache.get("probe") == "parent"
    assert redis_cache._cache.get_client().connection_pool is parent_pool


def test_deployments_use_it():
    """With REDIS_URL set (outside the suite), the default cache is this backend, on that Redis."""
    from tests.site.test_settings import PROD_ENV, _run

    code = "from django.core.cache import caches; c = caches['default']; print(type(c).__name__, type(c._cache).__name__)"
    env = {**PROD_ENV, "DJANGO_SETTINGS_MODULE": "ethics_office.settings"}
    result = _run(["-c", "import django; django.setup(); " + code], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["SharedClientRedisCache", "SharedClientRedisCacheClient"]
