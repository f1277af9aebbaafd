from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, override

from phases.content.languages import DEFAULT
from phases.content.models import Disclaimer


def disclaimer(request):
    """The disclaimer for every page, read only when a template shows it."""
    return {"disclaimer": SimpleLazyObject(Disclaimer.current)}


@dataclass(frozen=True)
class LanguageVersion:
    """This page in one of the portal's languages, for the switcher and hreflang links."""

    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    is_default: bool  # the x-default of hreflang


def in_language(match, code: str) -> str:
    """The page `match` (the request's resolved URL) in language `code`, by reverse() on its
    URL name, never by rewriting the address as sent: `//evil.example/...` is a path, and the
    link made from it would leave the site. An address no page has: that language's home."""
    with override(code):
        if match is not None and match.view_name:
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                pass
        return reverse("phases:home")


def languages(request):
    """`language_versions`: the page the reader is on, in each language (the same page with
    or without /es/), worked out only when a template shows them. Never the query string:
    nothing typed travels in a link. Empty for a page at one address in every language (the
    SMART launch's): a link to it would only load it again, in the same language."""

    def versions():
        current = get_language()
        match = getattr(request, "resolver_match", None)
        shown = []
        for code, name in settings.LANGUAGES:
            url = in_language(match, code)
            absolute = request.build_absolute_uri(url)
            is_current, is_default = code == current, code == DEFAULT
            shown.append(LanguageVersion(code, name, url, absolute, is_current, is_default))
        return shown if len({version.url for version in shown}) > 1 else []

    return {"language_versions": SimpleLazyObject(versions)}
