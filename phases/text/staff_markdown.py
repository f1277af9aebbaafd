"""Staff-written Markdown: checked when it is saved, turned into HTML that is safe to show.

Editors are trusted to write words, not code: whatever HTML they type (a script, an event
handler, a javascript: link) is removed by nh3 after Markdown has done its work. And no text
may make a page slow or break it: a text is checked before it is saved (its length, how deep
its lists, quotes and brackets go, and how long it takes to render), and the HTML is stored
with it, so a patient's request never runs Markdown at all. (The module is not called
`markdown`, which is the library's name.)
"""

import html
import re
import time

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

MAX_CHARACTERS = 20_000  # the longest phase page is about a fifth of this
MAX_NESTING = 6  # lists and quotes inside each other
MAX_BRACKET_DEPTH = 20  # [ or ( still open at once: deeper makes Markdown's link search slow
# Processor time of this thread, not the clock's: a busy server must not refuse an editor's text
# that a quiet one accepts. The slowest text the limits above allow takes about a third of it.
# A text over it is rendered once more, and refused only if that is slow too: a one-off pause
# of the process (its garbage collector going through a large heap) slows one render, while a
# slow text is slow every time.
RENDER_BUDGET_SECONDS = 1.0
RENDER_TRIES = 2
NESTING_MARK = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)]|>)(?=\s|$)")


class TextProblem(ValueError):
    """A text that could break or slow down a page; the message is written for editors."""


def render(text: str) -> SafeString:
    """The sanitised HTML of staff Markdown. A text no page should have to show (too long,
    nested too deeply, too slow to render) raises TextProblem instead: saving a text checks it
    this way, and the stored HTML comes from the same call."""
    if len(text) > MAX_CHARACTERS:
        raise TextProblem(
            f"This text has {len(text):,} characters; the most a text may have is "
            f"{MAX_CHARACTERS:,}. Split it, or shorten it."
        )
    if (depth := _deepest_nesting(text)) > MAX_NESTING:
        raise TextProblem(
            f"Lists or quotes here sit {depth} levels inside each other; the most is "
            f"{MAX_NESTING}. Use fewer levels, or start some lines without - or >."
        )
    for opening, closing in (("[", "]"), ("(", ")")):
        if _deepest_bracket(text, opening, closing) > MAX_BRACKET_DEPTH:
            raise TextProblem(
                f"Too many “{opening}” are open at once (more than {MAX_BRACKET_DEPTH}). "
                f"Close each one with “{closing}”, or remove the extra ones."
            )
    for _ in range(RENDER_TRIES):
        started = time.thread_time()
        try:
            rendered = _render(text)
        except RecursionError:
            raise TextProblem(
                "This text is nested too deeply to show. Simplify its lists."
            ) from None
        if time.thread_time() - started <= RENDER_BUDGET_SECONDS:
            return rendered
    raise TextProblem("This text takes too long to show. Shorten it or simplify its links.")


def _render(text: str) -> SafeString:
    converted = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    return _sanitised(converted)


def _sanitised(fragment: str, **options) -> SafeString:
    clean = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        **options,
    )
    return mark_safe(clean)


# Addresses of the site that are not pages of a language or an embed: links to them stay.
NOT_PAGES = ("/static/", "/api/", "/admin/", "/favicon.ico")


def with_links_under(fragment: str, prefix: str) -> SafeString:
    """Stored HTML whose links to the portal's own pages ("/glossary/#blasts") lead under
    `prefix` instead: an embed's pages stay inside the partner's frame. The HTML is parsed
    (by nh3), not searched with patterns, and stays sanitised."""

    base = prefix.rstrip("/")

    def inside(element, attribute, value):
        if attribute != "href" or not value.startswith("/") or value.startswith("//"):
            return value
        if value.startswith(NOT_PAGES) or value == base or value.startswith(base + "/"):
            return value  # a file, the API or the admin; or a link already under the prefix
        return base + value

    return _sanitised(fragment, attribute_filter=inside)


def _deepest_nesting(text: str) -> int:
    """How many list or quote marks start one line, counting indented ones as levels too."""
    deepest = 0
    for line in text.splitlines():
        marks = 0
        position = 0
        while match := NESTING_MARK.match(line, position):
            marks += 1
            position = match.end()
        indent = len(line) - len(line.lstrip(" \t"))
        deepest = max(deepest, marks + indent // 4)
    return deepest


def _deepest_bracket(text: str, opening: str, closing: str) -> int:
    depth = deepest = 0
    for character in text:
        if character == opening:
            depth += 1
            deepest = max(deepest, depth)
        elif character == closing and depth:
            depth -= 1
    return deepest


def html_to_text(fragment: str) -> str:
    """The words of an HTML fragment, tags removed and entities such as &amp; turned back."""
    return html.unescape(nh3.clean(fragment, tags=set())).strip()


def markdown_to_text(text: str) -> str:
    """The words of a Markdown text without its markup, for readability and plain-text uses."""
    try:
        return html_to_text(render(text))
    except TextProblem:
        return text
