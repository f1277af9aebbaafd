"""The page cache's settings (CACHES in portal/settings.py), kept apart so the fault tests
build a Redis cache exactly as a server does.

A cache that does not answer must cost a page little: redis-py waits 5 s by default, and a
hung Redis would then hold every request that long. Connecting and each answer get
CACHE_TIMEOUT_SECONDS (0.25 s), and redis-py does not try again: after a failure the page cache
leaves Redis alone for a while anyway (phases/site/page_store/guard.py).
"""

import os

FILE_CACHE_MAX_ENTRIES = 5_000


def cache_timeout_seconds() -> float:
    return float(os.environ.get("CACHE_TIMEOUT_SECONDS", "0.25"))


def cache_retry_seconds() -> float:
    """After a cache failure, how long each process leaves the cache alone."""
    return float(os.environ.get("CACHE_RETRY_SECONDS", "10"))


def redis_cache(url: str, *, prefix: str, timeout: float | None = None) -> dict:
    """Django's own RedisCache, with short timeouts and no retries."""
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    timeout = cache_timeout_seconds() if timeout is None else timeout
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        # Sites (or test runs) sharing one Redis keep apart by their prefix.
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "socket_connect_timeout": timeout,
            "socket_timeout": timeout,
            "retry": Retry(NoBackoff(), 0),
            "retry_on_timeout": False,
        },
    }


def file_cache(folder: str) -> dict:
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": folder,
        "OPTIONS": {"MAX_ENTRIES": FILE_CACHE_MAX_ENTRIES},
    }
