"""Calls to the page cache that fail open.

The page cache only saves work: a page is always there to be made again. So any error of the
cache (Redis stopped, hung, full, a disk that is full) is caught here, and the page is made
without the cache. After a failure the cache is left alone for settings.PAGE_CACHE_RETRY_SECONDS
rather than asked again on every request (a hung Redis costs its timeout once, not per
request), and the failure is logged at most once a minute: an outage writes a few lines, not one
per request. An invalidation that fails is owed: this process pays it as soon as the cache
answers again; until then, or until any other invalidation, pages may be stale.

The page cache has a cache of its own (settings.CACHES["pages"]): sessions, sign-in pauses and
what staff sign-in keeps for a moment (Django's "default" cache) live in the database.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

log = logging.getLogger("phases.site.page_cache")

LOG_EVERY_SECONDS = 60
STALE_WARNING = (
    "Pages are made without the cache until it answers, and pages stored before may be stale "
    "until the next successful invalidation (publishing anything, or `manage.py migrate`)."
)


class CacheHealth:
    """This process's view of the cache: whether to ask it now, and an invalidation owed."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.retry_at = 0.0
        self.logged_at = -LOG_EVERY_SECONDS
        self.invalidation_owed = False

    def available(self) -> bool:
        return time.monotonic() >= self.retry_at

    def failed(self, action: str, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            self.retry_at = now + settings.PAGE_CACHE_RETRY_SECONDS
            if now - self.logged_at < LOG_EVERY_SECONDS:
                return
            self.logged_at = now
        log.warning(
            "The page cache failed to %s (%s: %s). %s",
            action,
            type(error).__name__,
            str(error)[:200],
            STALE_WARNING,
        )


health = CacheHealth()


def call(action: str, function, *args, default=None):
    """function(*args), or `default` when the cache failed, or failed a moment ago."""
    if not health.available():
        return default
    try:
        return function(*args)
    except Exception as error:  # any cache error: the page is made without the cache
        health.failed(action, error)
        return default


@receiver(setting_changed)
def new_cache_new_health(setting, **kwargs):
    """Another cache (a test's) starts with a clean slate."""
    if setting in {"CACHES", "PAGE_CACHE_RETRY_SECONDS"}:
        health.reset()
