from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, override

from phases.languages import DEFAULT
from phases.models import Disclaimer


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


def languages(request):
    """`language_versions`: the page the reader is on, in each language (the same address with
    or without /es/), worked out only when a template shows them."""

    def versions():
        current = get_language()
        path = request.path  # never the query string: nothing typed travels in a link
        shown = []
        for code, name in settings.LANGUAGES:
            url = translate_url(path, code)
            if url == path and code != current:  # an address no page has: that language's home
                with override(code):
                    url = reverse("phases:home")
            absolute = request.build_absolute_uri(url)
            is_current, is_default = code == current, code == DEFAULT
            shown.append(LanguageVersion(code, name, url, absolute, is_current, is_default))
        return shown

    return {"language_versions": SimpleLazyObject(versions)}
