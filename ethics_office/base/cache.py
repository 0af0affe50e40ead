"""Django's Redis cache, with one redis-py client per connection pool instead of one per call.

`django.core.cache.backends.redis.RedisCacheClient.get_client` builds a new `redis.Redis` for
every cache operation, and redis-py fills its table of response callbacks (about a thousand
entries) each time: ~0.1 ms an operation, five or six operations a page (the session, the data
version, what is kept under it). The client holds no connection of its own — it borrows one
from the pool for each command — and redis-py documents it as safe to share between threads; the
pool itself starts afresh in a forked process (it checks its pid), so one client per pool, made
on first use, behaves exactly as before (docs/performance.md).
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    """settings.CACHES' backend wherever REDIS_URL is set."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
