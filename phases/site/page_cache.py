"""The page cache: public pages and the API's content answers, stored whole (headers included)
in Django's cache and served before any other middleware runs, so a page read again costs one
cache read of two entries (one round trip to Redis) and no database query.

Invalidation is exact: every entry holds the *generation* it was made in, a number kept in the
same cache, and anything that changes what a public page shows calls `bump()`. From then on no
entry made before is served: each request reads the generation together with its page's entry,
and an entry of another generation is made again and written over. Every process reads the
generation from the shared cache on each request, so a bump in one gunicorn worker, or on one
server when they share Redis, holds in all the others on their next request. The generation
only moves forward (phases/site/page_store/generation.py).

Keys hold only what changes a page, so nothing sent from outside adds entries: the path of a
page that exists (a language prefix, /es/..., with it), a host the site is configured for, the
API's `lang` (no other query parameter), the portal's language Accept-Language asks for (the
API answers in it when no ?lang= is given), a partner's Origin (API only) and today's date, so
what a page shows by the day (the date a page is printed) changes at midnight. Every entry
expires after a day at most.

A cache that fails (Redis stopped, hung or full) costs speed, never an answer: every call goes
through phases/site/page_store/guard.py, which serves the page without the cache.

Only the views in PUBLIC_VIEWS and FORM_VIEWS are stored, and only a 200 answer to GET or HEAD
that sets no cookie and says neither no-store nor private (the checker's form excepted, below).
Nothing a patient types enters the cache: a POST is never looked up or stored, and the checker's
form is stored only when its address has no query string. The admin, previews and drafts are
not in these lists, and a draft never reaches a public view (they show published fields).
"""

import hashlib

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe

from phases.api import infobutton
from phases.content.languages import API_PARAMETER, Asking, reader_language
from phases.site.page_store import generation as generations
from phases.site.page_store import guard
from phases.site.page_store.generation import cache

GENERATION_KEY = generations.KEY
# An entry outlives its day by nothing: tomorrow's keys are new anyway.
STORED_SECONDS = 24 * 60 * 60
# Longer addresses (query strings) are served, never stored: nobody fills the cache with them.
MAX_ADDRESS_LENGTH = 512
# The query parameters a stored view understands; every other one is left out of the key (the
# page is the same with it or without it).
API_LANGUAGE = API_PARAMETER
# The code lookup's (MedlinePlus Connect's names); a value longer than this is not stored.
LOOKUP_PARAMETERS = (
    infobutton.CODE_PARAMETER,
    infobutton.CODE_SYSTEM_PARAMETER,
    infobutton.RESPONSE_TYPE_PARAMETER,
    infobutton.RECIPIENT_PARAMETER,
)
# A content list asked for what changed since a moment: any moment may be asked, so such an
# answer is made afresh each time (a few queries), never stored.
CHANGES_SINCE = "modified_since"
MAX_LOOKUP_VALUE = 32

# The same for every visitor, signed in or not (their templates show nothing of the user), and
# changed only by what bumps the generation. Browsers revalidate them every time; proxies and
# CDNs may keep them PAGE_MAX_AGE seconds, unless the view says otherwise (a partner's theme).
PUBLIC_VIEWS = {
    "phases:home",
    "phases:detail",
    "phases:glossary",
    "phases:privacy",
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
    # The content list of shared sections, the change feed, and the site's own files
    # (phases/syndication/). The API's lists take ?modified_since= and ?lang=.
    "api:list_sections",
    "syndication:changes",
    "sitemap",
    "robots",
}
# The checker's empty form, the same for everyone: stored here, while browsers keep being told
# no-store, as for its results (Back to the checker reloads it; see static/checker.js).
FORM_VIEWS = {"phases:check", "embed:check"}

# The only Vary a stored page may have: the key holds the Origin (CORS answers of the API) and
# the language Accept-Language chooses (the API's, when no ?lang= is given).
_VARY_KEPT_IN_KEY = {"origin", "accept-language"}


def bump(**kwargs):
    """Retire every stored page at once, in every process that shares the cache. With the
    cache down, the invalidation is owed and paid as soon as it answers (page_store.guard)."""
    guard.health.invalidation_owed = True
    if guard.call("invalidate the stored pages", generations.bump, default=False) is not False:
        guard.health.invalidation_owed = False


def content_changed(sender, using=None, **kwargs):
    """post_save and post_delete of content and partners. The bump after the commit is the
    one that makes invalidation exact: a page another process rendered from the old rows while
    the change was being written was stored under the generation this bump retires. The bump
    at once serves readers of the same transaction (and test runs, which roll back)."""
    bump()
    transaction.on_commit(bump, using=using)


def generation():
    return generations.current()


def _stored_view(request):
    """The name of the stored view this address leads to, or None. The address's language is
    active while it is resolved, as it is for the view (LanguageFromAddressMiddleware)."""
    language = reader_language(request)
    try:
        with translation.override(language):
            view = resolve(request.path_info).view_name
    except Resolver404:
        return None
    return view if view in PUBLIC_VIEWS or view in FORM_VIEWS else None


def _host(request):
    """The host for the key: one the site is configured for by name (not by a wildcard), with
    no port or the port it was reached on; None for any other (never stored: a flood of
    `Host: localhost:N` makes no entries). Pages hold absolute links, so the host matters."""
    host = request.get_host().lower()
    name, port = split_domain_port(host)
    if name not in {allowed.lower() for allowed in settings.ALLOWED_HOSTS}:
        return None
    if port and port != str(request.META.get("SERVER_PORT")):
        return None
    return host


def _lookup_query(request):
    """The code lookup's own parameters, in order, its language as the answer's language; None
    when a value is too long to be a code (such an answer is made, never stored)."""
    values = [request.GET.get(name, "") for name in LOOKUP_PARAMETERS]
    if any(len(value) > MAX_LOOKUP_VALUE for value in values):
        return None
    language = reader_language(request, Asking.BY_INFOBUTTON)
    return "&".join([*values, language])


def page_key(request):
    """The key of this request's page, or None when it is never looked up or stored. It holds
    only what changes the page, so the number of keys is bounded by the site's own pages: the
    view must be one that is stored, the address is the path without the query string (only
    the API's `lang` and the code lookup's own parameters count; a list asked for the changes
    since a moment is never stored), the host is a configured one, the language asked for is
    one of the portal's, and the Origin counts only for the API (whose CORS answers depend on
    it; an answer to a stranger's origin is not stored, may_store below)."""
    if request.method not in ("GET", "HEAD") or len(request.get_full_path()) > MAX_ADDRESS_LENGTH:
        return None
    view = _stored_view(request)
    if view is None:
        return None
    try:
        host = _host(request)
    except DisallowedHost:
        return None  # the stack below answers 400, as without the cache
    if host is None:
        return None
    query = origin = ""
    if view == "api:lookup_code":
        query = _lookup_query(request)
        if query is None:
            return None
    if view.startswith("api:"):
        if CHANGES_SINCE in request.GET:
            return None
        if API_LANGUAGE in request.GET:  # the answer then does not vary on Accept-Language
            query += f"&{API_LANGUAGE}={request.GET[API_LANGUAGE]}"
        origin = request.headers.get("origin", "")
    elif view in FORM_VIEWS and request.META.get("QUERY_STRING"):
        return None  # values typed into the checker's address are never stored
    asked = reader_language(
        request, Asking.BY_API if view.startswith("api:") else Asking.BY_ADDRESS
    )
    if asked is None:
        return None  # a 400, not stored
    day = timezone.localdate().isoformat()
    address = f"{request.scheme}://{host}{request.path}?{query}"
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
    # Only a partner's origin gets its own entry: their number is the site's to decide.
    if (
        request.headers.get("origin")
        and view.startswith("api:")
        and not response.has_header("Access-Control-Allow-Origin")
    ):
        return False
    directives = cc_delim_re.split(response.get("Cache-Control", "").lower())
    said = {part.split("=")[0] for part in directives}
    return view in PUBLIC_VIEWS and not said & {"no-store", "private"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request)
        if key is None or not guard.health.available():
            return self.get_response(request)
        if guard.health.invalidation_owed:
            bump()  # one that failed while the cache was down
        # The generation and the entry in one read: one round trip to Redis, not two.
        found = guard.call("read a stored page", generations.current_and_entry, key)
        if found is None:
            return self.get_response(request)  # the cache failed: made afresh, not stored
        current, stored = found
        if stored is not None and stored[0] == current:
            _, content, headers = stored
            response = HttpResponse(content, headers=headers)
            # If-Modified-Since as well as If-None-Match (the API's lists say Last-Modified).
            modified = parse_http_date_safe(response.get("Last-Modified", ""))
            return get_conditional_response(
                request, etag=response.get("ETag"), last_modified=modified, response=response
            )
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
            guard.call("store a page", cache.set, key, entry, STORED_SECONDS)
        return response
