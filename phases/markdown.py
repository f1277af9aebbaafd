"""Staff-written Markdown turned into HTML that is safe to show patients.

Editors are trusted to write words, not code: whatever HTML they type (a script, an event
handler, a javascript: link) is removed by nh3 after Markdown has done its work.
"""

import functools
import html

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "dl", "dt", "em", "h2", "h3", "h4",
    "hr", "i", "li", "ol", "p", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


@functools.lru_cache(maxsize=512)
def render_markdown(text: str) -> SafeString:
    """Render and sanitise once per distinct text; the cache key is the text itself, so an
    edit is never served stale."""
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)


def html_to_text(fragment: str) -> str:
    """The words of an HTML fragment, tags removed and entities such as &amp; turned back."""
    return html.unescape(nh3.clean(fragment, tags=set())).strip()


def markdown_to_text(text: str) -> str:
    """The words of a Markdown text without its markup, for readability and plain-text uses."""
    return html_to_text(render_markdown(text))
