"""The change feed: an Atom feed per language (/feed/ in English, /es/feed/ in Spanish) of what
was published, reverted, reviewed, withdrawn or newly translated, newest first, so a partner
keeping a copy learns what to fetch again (or remove) without re-reading everything.

Each entry names the page, the language, the time and the sections that changed, never the text
itself; its categories say the kind of change (published, reverted, reviewed, withdrawn,
translated) and of item (phase, glossary-term, shared-section, disclaimer) for software. Its id
is stable (the history record's), so a reader sees each change once. Events come from
phases.syndication.changes; the feed is a public page, stored and retired by phases.site.page_cache.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext, gettext_lazy, pgettext_lazy

from phases.content.models import Disclaimer, GlossaryTerm, Phase, SharedSection
from phases.syndication import changes

# How many changes a feed shows: months of editing; older ones are in the API's lists.
FEED_LENGTH = 50

KIND_WORDS = {
    changes.PUBLISHED: gettext_lazy("Published"),
    changes.REVERTED: gettext_lazy("Earlier version brought back"),
    changes.REVIEWED: gettext_lazy("Reviewed by a clinician"),
    changes.WITHDRAWN: gettext_lazy("Withdrawn"),
    changes.TRANSLATED: gettext_lazy("New translation"),
}
ITEM_KINDS = {
    Phase: "phase",
    GlossaryTerm: "glossary-term",
    SharedSection: "shared-section",
    Disclaimer: "disclaimer",
}
# The names of the patient texts, as a feed entry lists them (never the texts themselves).
SECTION_NAMES = {
    "name": pgettext_lazy("section of a page", "Name"),
    "summary": pgettext_lazy("section of a page", "Summary"),
    "body": pgettext_lazy("section of a page", "Explanation"),
    "questions": gettext_lazy("Questions to ask your care team"),
    "references": pgettext_lazy("section of a page", "Sources"),
    "term": pgettext_lazy("section of a page", "Term"),
    "slug": pgettext_lazy("section of a page", "Anchor"),
    "definition": pgettext_lazy("section of a page", "Definition"),
    "title": pgettext_lazy("section of a page", "Heading"),
    "text": pgettext_lazy("section of a page", "Text"),
}


@dataclass(frozen=True)
class Entry:
    change: changes.Change
    sections: tuple[str, ...]
    host: str


def entries(language: str, host: str) -> list[Entry]:
    """The FEED_LENGTH newest changes in `language`, newest first."""
    found = [
        change for model in changes.CONTENT_MODELS for change in changes.latest(model, {language})
    ]
    found.sort(key=lambda change: (change.at, change.history_id), reverse=True)
    shown = found[:FEED_LENGTH]
    sections = changes.changed_sections(shown)
    return [
        Entry(change, tuple(sections.get((change.model, change.history_id), ())), host)
        for change in shown
    ]


def page_address(change: changes.Change) -> str:
    """The address of the page that shows the changed item, in the active language."""
    if change.model is Phase:
        return reverse("phases:detail", kwargs={"slug": change.key})
    if change.model is GlossaryTerm:
        return f"{reverse('phases:glossary')}#{change.key}"
    return reverse("phases:home")  # shared sections and the disclaimer are on every page


def item_name(change: changes.Change) -> str:
    if change.model is GlossaryTerm:
        return gettext("Glossary: %(term)s") % {"term": change.title}
    if change.model is Disclaimer:
        return gettext("Medical disclaimer")
    return change.title


class ChangeFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request):
        return gettext("ALL Phase Portal: what changed")

    def subtitle(self, request):
        return gettext(
            "Each publish, review, withdrawal and new translation of the pages in this "
            "language, newest first."
        )

    def link(self, request):
        return reverse("phases:home")

    def feed_url(self, request):
        return reverse("syndication:changes")

    def author_name(self, request):
        return gettext("ALL Phase Portal")

    def items(self, request):
        host, _ = split_domain_port(request.get_host())  # a tag: id takes no port
        return entries(get_language(), host or "localhost")

    def item_title(self, entry: Entry):
        return f"{KIND_WORDS[entry.change.kind]}: {item_name(entry.change)}"

    def item_description(self, entry: Entry):
        change = entry.change
        if change.kind == changes.WITHDRAWN:
            return gettext("Taken off the site. Remove it from your copy too.")
        if change.kind == changes.REVIEWED:
            return gettext("A clinician checked this page.")
        names = ", ".join(str(SECTION_NAMES.get(field, field)) for field in entry.sections)
        if change.kind == changes.TRANSLATED:
            return gettext("First published in this language: %(sections)s.") % {"sections": names}
        if not names:
            return gettext("Published again with the same words.")
        return gettext("Changed: %(sections)s.") % {"sections": names}

    def item_link(self, entry: Entry):
        return page_address(entry.change)

    def item_guid(self, entry: Entry):
        change = entry.change
        item = ITEM_KINDS[change.model]
        return f"tag:{entry.host},2026:{item}/{change.history_id}/{change.kind}"

    def item_guid_is_permalink(self, entry: Entry):
        return False

    def item_pubdate(self, entry: Entry):
        return entry.change.at

    def item_updateddate(self, entry: Entry):
        return entry.change.at

    def item_categories(self, entry: Entry):
        return (entry.change.kind, ITEM_KINDS[entry.change.model], entry.change.language)
