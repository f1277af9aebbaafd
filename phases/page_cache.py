"""The page cache: public pages and the API's content answers, stored whole (headers included)
in Django's cache and served before any other middleware runs, so a page read again costs one
cache read of two entries (one round trip to Redis) and no database query.

Invalidation is exact: every entry holds the *generation* it was made in, a number kept in the
same cache, and anything that changes what a public page shows calls `bump()`. From then on no
entry made before is served: each request reads the generation together with its page's entry,
and an entry of another generation is made again and written over. Every process reads the
generation from the shared cache on each request, so a bump in one gunicorn worker, or on one
server when they share Redis, holds in all the others on their next request. Keys hold the
whole address (a language prefix, /es/..., with it), the language Accept-Language asks for
(the API answers in it when no ?lang= is given) and today's date, so what a page shows by
the day (the date a page is printed) changes at midnight.

Only the views in PUBLIC_VIEWS and FORM_VIEWS are stored, and only a 200 answer to GET or HEAD
that sets no cookie and says neither no-store nor private (the checker's form excepted, below).
Nothing a patient types enters the cache: a POST is never looked up or stored, and the checker's
form is stored only when its address has no query string. The admin, previews and drafts are
not in these lists, and a draft never reaches a public view (they show published fields).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from phases.languages import from_accept_language

GENERATION_KEY = "page:generation"
# An entry outlives its day by nothing: tomorrow's keys are new anyway.
STORED_SECONDS = 24 * 60 * 60
# Longer addresses (query strings) are served, never stored: nobody fills the cache with them.
MAX_ADDRESS_LENGTH = 512

# The same for every visitor, signed in or not (their templates show nothing of the user), and
# changed only by what bumps the generation. Browsers revalidate them every time; proxies and
# CDNs may keep them PAGE_MAX_AGE seconds, unless the view says otherwise (a partner's theme).
PUBLIC_VIEWS = {
    "phases:home",
    "phases:detail",
    "phases:glossary",
    "embed:help",
    "embed:home",
    "embed:detail",
    "embed:glossary",
    "embed:theme",
    "api:list_phases",
    "api:get_phase",
    "api:get_disclaimer",
    "api:list_glossary",
    "api:lookup_code",
    "api:openapi-json",
}
# The checker's empty form, the same for everyone: stored here, while browsers keep being told
# no-store, as for its results (Back to the checker reloads it; see static/checker.js).
FORM_VIEWS = {"phases:check", "embed:check"}

# The only Vary a stored page may have: the key holds the Origin (CORS answers of the API) and
# the language Accept-Language chooses (the API's, when no ?lang= is given).
_VARY_KEPT_IN_KEY = {"origin", "accept-language"}


def bump(**kwargs):
    """Retire every stored page at once, in every process that shares the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # never set, evicted or cleared: start from a number never used
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def content_changed(sender, using=None, **kwargs):
    """post_save and post_delete of content and partners. The bump after the commit is the
    one that makes invalidation exact: a page another process rendered from the old rows while
    the change was being written was stored under the generation this bump retires. The bump
    at once serves readers of the same transaction (and test runs, which roll back)."""
    bump()
    transaction.on_commit(bump, using=using)


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def page_key(request):
    """The key of this request's page, or None when it is never looked up or stored. Cheap, as
    it runs on every hit: META, not request.headers, which would copy every header."""
    if request.method not in ("GET", "HEAD"):
        return None
    try:
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    except DisallowedHost:
        return None  # the stack below answers 400, as without the cache
    if len(address) > MAX_ADDRESS_LENGTH:
        return None
    origin = request.META.get("HTTP_ORIGIN", "")[:MAX_ADDRESS_LENGTH]
    asked = from_accept_language(request.META.get("HTTP_ACCEPT_LANGUAGE", "")) or ""
    day = timezone.localdate().isoformat()
    parts = f"{day}:{request.method}:{origin}:{asked}:{address}"
    return "page:" + hashlib.sha256(parts.encode()).hexdigest()


def may_store(request, response):
    view = request.resolver_match and request.resolver_match.view_name
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    vary = {name.lower() for name in cc_delim_re.split(response.get("Vary", "")) if name}
    if not vary <= _VARY_KEPT_IN_KEY:
        return False
    if view in FORM_VIEWS:
        return not request.META.get("QUERY_STRING")
    directives = cc_delim_re.split(response.get("Cache-Control", "").lower())
    said = {part.split("=")[0] for part in directives}
    return view in PUBLIC_VIEWS and not said & {"no-store", "private"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request)
        if key is None:
            return self.get_response(request)
        # The generation and the entry in one read: one round trip to Redis, not two.
        found = cache.get_many([GENERATION_KEY, key])
        current = found.get(GENERATION_KEY)
        if current is None:  # never set, evicted or cleared
            current = generation()
        stored = found.get(key)
        if stored is not None and stored[0] == current:
            _, content, headers = stored
            response = HttpResponse(content, headers=headers)
            return get_conditional_response(request, etag=response.get("ETag"), response=response)
        response = self.get_response(request)
        if may_store(request, response):
            if request.resolver_match.view_name in PUBLIC_VIEWS:
                if not response.has_header("Cache-Control"):
                    # Browsers ask again each time (an ETag answers 304 cheaply), so a publish
                    # shows on the next request; proxies and CDNs may keep it PAGE_MAX_AGE.
                    patch_cache_control(
                        response, public=True, max_age=0, s_maxage=settings.PAGE_MAX_AGE
                    )
                if not response.has_header("ETag"):
                    set_response_etag(response)  # once, here: a hit never hashes the page again
            # Under the generation read before the page was made: a bump since retires it.
            entry = (current, response.content, tuple(response.items()))
            cache.set(key, entry, STORED_SECONDS)
        return response
