"""The page cache's generation: a number that only moves forward, on every backend.

Each stored page holds the generation it was made in and is served only while the generation
is the same; an invalidation moves it on. A number that went back, or came back, could make a
page made from old content current again, so:

- Redis: INCR, atomic across every process and instance. A key that is missing (never set,
  evicted under maxmemory, or expired after GENERATION_SECONDS) starts again from the clock in
  nanoseconds, far past any number reached by counting up from an earlier start.
- Files (no REDIS_URL): a file of its own beside the pages, `generation`, which the cache's
  cull and clear() never touch (they delete *.djcache files only). An invalidation takes a lock
  on `generation.lock` and writes max(the number + 1, the clock in nanoseconds), replacing the
  file whole, so readers see the old number or the new one, never a torn one.
"""

import fcntl
import os
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.utils.connection import ConnectionProxy

# The page cache's own alias (settings.CACHES["pages"]), as django.core.cache.cache is for
# "default"; phases/site/page_cache.py stores the pages through it too.
cache = ConnectionProxy(caches, "pages")

KEY = "page:generation"
FILE_NAME = "generation"
# A lifetime, as every key in Redis has one; running out only costs a render of each page.
GENERATION_SECONDS = 30 * 24 * 60 * 60


def _folder() -> Path | None:
    """The file cache's folder, or None when the cache is Redis (or any other backend)."""
    pages = settings.CACHES["pages"]
    if pages["BACKEND"].endswith("FileBasedCache"):
        return Path(pages["LOCATION"])
    return None


def bump() -> int | None:
    """Move the generation forward; the new number (None when the backend does not say)."""
    folder = _folder()
    if folder is not None:
        return _bump_file(folder)
    cache.add(KEY, time.time_ns(), GENERATION_SECONDS)
    try:
        return cache.incr(KEY)
    except ValueError:  # gone between the two calls: start from the clock
        cache.set(KEY, time.time_ns(), GENERATION_SECONDS)
        return None


def current() -> int:
    folder = _folder()
    if folder is not None:
        return _read_file(folder)
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, time.time_ns(), GENERATION_SECONDS)
        value = cache.get(KEY)
    return value


def current_and_entry(key: str):
    """(generation, the stored entry of `key` or None): one round trip to Redis."""
    folder = _folder()
    if folder is not None:
        return _read_file(folder), cache.get(key)
    found = cache.get_many([KEY, key])
    generation = found.get(KEY)
    if generation is None:
        generation = current()
    return generation, found.get(key)


def forget() -> None:
    """Lose the generation, as an eviction or a deleted folder would."""
    folder = _folder()
    if folder is not None:
        (folder / FILE_NAME).unlink(missing_ok=True)
    else:
        cache.delete(KEY)


def _read_file(folder: Path) -> int:
    try:
        return int((folder / FILE_NAME).read_text())
    except (FileNotFoundError, ValueError):
        return _bump_file(folder)


def _bump_file(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    with open(folder / "generation.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        try:
            before = int(path.read_text())
        except (FileNotFoundError, ValueError):
            before = 0
        after = max(before + 1, time.time_ns())
        part = folder / f"generation.{os.getpid()}.{threading.get_ident()}.part"
        part.write_text(str(after))
        os.replace(part, path)
    return after
