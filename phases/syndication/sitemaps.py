"""/sitemap.xml and /robots.txt: every public page in each language, with its other languages
as hreflang alternates (and English as x-default), dated by the last change of what it shows;
and the robots rules that keep the admin, the checker's results and the embeds out of search
engines. Both are public pages, stored and retired by phases.site.page_cache like the others."""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from phases.content.languages import DEFAULT
from phases.content.models import Disclaimer, GlossaryTerm, Phase, SharedSection
from phases.syndication import changes

HOME, GLOSSARY, CHECK, PRIVACY = "home", "glossary", "check", "privacy"


def _newest(rows) -> datetime.datetime:
    return max((row.modified for row in rows), default=changes.EPOCH)


def page_dates(language: str) -> dict[str, datetime.datetime]:
    """When each public page in `language` last changed: the newest change of the content it
    shows (English standing in where a text is not translated)."""
    languages = {language, DEFAULT}
    with translation.override(language):
        phases = changes.with_modified(Phase.objects.in_language_list(), Phase, languages)
        terms = changes.with_modified(
            GlossaryTerm.objects.in_language_list(), GlossaryTerm, languages
        )
        sections = changes.with_modified(
            SharedSection.objects.in_language_list(), SharedSection, languages
        )
        disclaimer = changes.with_modified(
            Disclaimer.objects.in_language_list(), Disclaimer, languages
        )
    on_every_page = _newest(disclaimer)
    withdrawn = changes.last_change(GlossaryTerm, languages) or changes.EPOCH
    dates = {
        HOME: max(_newest(phases), on_every_page),
        GLOSSARY: max(_newest(terms), withdrawn, on_every_page),
        CHECK: on_every_page,
        PRIVACY: on_every_page,
    }
    for phase in phases:
        dates[phase.slug] = max(phase.modified, _newest(sections), on_every_page)
    return dates


class PublicPages(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        slugs = Phase.objects.filter(language=DEFAULT, is_published=True).values_list(
            "slug", flat=True
        )
        return [HOME, *slugs, GLOSSARY, CHECK, PRIVACY]

    def location(self, item):
        if item in (HOME, GLOSSARY, CHECK, PRIVACY):
            return reverse(f"phases:{item}")
        return reverse("phases:detail", kwargs={"slug": item})

    def get_urls(self, page=1, site=None, protocol=None):
        """Each address dated in its own language (the framework's `lastmod` is told the
        page, not the language)."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        dates = {code: page_dates(code) for code, _ in settings.LANGUAGES}
        for url in urls:
            item, language = url["item"]
            url["lastmod"] = dates[language][item]
        self.latest_lastmod = max((url["lastmod"] for url in urls), default=None)
        return urls


SITEMAPS = {"pages": PublicPages}


def robots_txt(request):
    """The rules for crawlers, naming the sitemap. The embeds and the checker's handout (a
    result) stay out of search engines in every language; the checker's results are answers
    to a POST, which crawlers never send."""
    prefixes = ["/"]
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            home = reverse("phases:home")
            if home not in prefixes:
                prefixes.append(home)
    with translation.override(DEFAULT):
        handout = reverse("phases:handout")
    kept_out = ["/admin/"] + [
        f"{prefix}{path}" for prefix in prefixes for path in ("embed/", handout.lstrip("/"))
    ]
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    text = render_to_string("syndication/robots.txt", {"kept_out": kept_out, "sitemap": sitemap})
    return HttpResponse(text, content_type="text/plain; charset=utf-8")
