"""What a content file may hold: its format, its sections, the fields of each item and what
each field may hold (each `Kind` yields the problems of a value, in words for an editor)."""

import datetime
from dataclasses import dataclass, field

from django.db import models

from phases.content import languages
from phases.content.models import Disclaimer, Explanation, GlossaryTerm, Phase, SharedSection

FORMAT = "all-phase-portal-content"
# 2: phases' sources and review fields that may be empty; sections (English only, one disclaimer)
# 3: every item's language and whether it is published; a list of disclaimers, one per language
FORMAT_VERSION = 3
SUPPORTED_FORMAT_VERSIONS = {2, FORMAT_VERSION}
MAX_IMPORT_BYTES = 5 * 1024 * 1024  # a full export is about 100 KB
MAX_PROBLEMS = 100  # a file with more is not worth listing further
MAX_VERSION = 1_000_000_000  # far below the database's limit, so an import can still bump it
PARTNERS = (
    "partners (the hospitals' embed settings) are not content and are not imported: they "
    "are set up in the admin on each site (Partners). Remove this section."
)


class ContentProblems(Exception):
    """The file cannot be imported; `problems` says which item and why, one line each."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


class Kind:
    """What a field of the file may hold: `problems` yields (where, what is wrong) pairs, and
    `python` gives the value the model takes."""

    def problems(self, model, name, value):
        raise NotImplementedError

    def python(self, value):
        return value


class Text(Kind):
    """A string. A CharField's max_length is checked here; a TextField's limits (length,
    nesting, render time) are its model validators, run on every text before anything is
    written."""

    def problems(self, model, name, value):
        if not isinstance(value, str):
            yield name, f"must be text, not {what_is(value)}."
            return
        limit = model._meta.get_field(name).max_length
        if limit is not None and len(value) > limit:
            yield name, f"must be at most {limit:,} characters (this has {len(value):,})."
        elif not storable(value):
            yield name, "holds a character no database can store (a NUL or a lone surrogate)."


@dataclass(frozen=True)
class Number(Kind):
    low: int
    high: int

    def problems(self, model, name, value):
        if type(value) is not int or not self.low <= value <= self.high:
            yield (
                name,
                f"must be a whole number from {self.low} to {self.high:,}, not {what_is(value)}.",
            )


class Flag(Kind):
    def problems(self, model, name, value):
        if type(value) is not bool:
            yield name, f"must be true or false, not {what_is(value)}."


class Day(Kind):
    """A day written YYYY-MM-DD; null too where the model field allows it."""

    def problems(self, model, name, value):
        null = model._meta.get_field(name).null
        if (value is None and not null) or (value is not None and self.python(value) is None):
            alternative = ", or null (not reviewed yet)" if null else ""
            yield name, f"must be a day written YYYY-MM-DD{alternative}, not {what_is(value)}."

    def python(self, value):
        if not isinstance(value, str) or len(value) != len("YYYY-MM-DD"):
            return None  # fromisoformat would also take 20261125 or 2026-W48-3
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None


class Draft(Kind):
    """Null (no draft), or an object holding some of the model's DRAFT_FIELDS as text."""

    def problems(self, model, name, value):
        if value is None:
            return
        if not isinstance(value, dict):
            yield name, f"must be null or an object, not {what_is(value)}."
            return
        for key, text in value.items():
            if key not in model.DRAFT_FIELDS:
                known = ", ".join(model.DRAFT_FIELDS)
                yield f"{name}.{shown(key)}", f"not a field a draft may hold (they are {known})."
            else:
                for where, what in TEXT.problems(model, key, text):
                    yield f"{name}.{where}", what


class Language(Kind):
    """One of the portal's languages (settings.LANGUAGES). An item without one is English."""

    def problems(self, model, name, value):
        if not isinstance(value, str) or value not in languages.codes():
            known = ", ".join(f"{code} ({languages.name_of(code)})" for code in languages.codes())
            yield name, f"must be one of the portal's languages, {known}; not {what_is(value)}."


TEXT, DAY, FLAG, DRAFT, LANGUAGE = Text(), Day(), Flag(), Draft(), Language()
VERSION = Number(1, MAX_VERSION)


@dataclass(frozen=True)
class Section:
    model: type[models.Model]
    name_field: str | None  # the field that names an item in its language (none: the disclaimer)
    fields: dict = field(default_factory=dict)  # field: what it may hold, in the file's order
    single_until: int = 0  # up to this format version, one object (or null), not a list


SECTIONS = {
    "phases": Section(Phase, "slug", {
        "slug": TEXT, "order": Number(0, 32_767), "name": TEXT, "summary": TEXT, "body": TEXT,
        "questions": TEXT, "references": TEXT, "icd10_code": TEXT, "last_reviewed": DAY,
        "next_review_due": DAY, "reviewer": TEXT, "reviewed_fingerprint": TEXT, "draft": DRAFT,
        "version": VERSION, "is_published": FLAG, "language": LANGUAGE,
    }),
    "sections": Section(SharedSection, "key", {
        "key": TEXT, "title": TEXT, "text": TEXT, "draft": DRAFT, "version": VERSION,
        "is_published": FLAG, "language": LANGUAGE,
    }),
    "disclaimer": Section(Disclaimer, None, {
        "text": TEXT, "draft": DRAFT, "version": VERSION, "is_published": FLAG,
        "language": LANGUAGE,
    }, single_until=2),
    "glossary": Section(GlossaryTerm, "slug", {
        "slug": TEXT, "term": TEXT, "definition": TEXT, "is_published": FLAG, "draft": DRAFT,
        "version": VERSION, "language": LANGUAGE,
    }),
    "explanations": Section(Explanation, "key", {
        "key": TEXT, "kind": TEXT, "text": TEXT, "draft": DRAFT, "version": VERSION,
        "is_published": FLAG, "language": LANGUAGE,
    }),
}  # fmt: skip
# A file without `reviewed_fingerprint` (written before reviews followed the words) claims its
# reviews for the texts it holds, as the site that wrote it did.
OPTIONAL_FIELDS = {"draft", "version", "is_published", "language", "reviewed_fingerprint"}
TOP_LEVEL = ("format", "format_version", *SECTIONS)
# A phase's fields its translations copy, besides the slug that matches them.
SAME_IN_EVERY_LANGUAGE = [f for f in Phase.SAME_IN_EVERY_LANGUAGE if f != Phase.TRANSLATION_KEY]
COUNTED = {
    "phases": "phases",
    "sections": "shared sections",
    "glossary": "glossary terms",
    "explanations": "checker explanations",
    "disclaimer": "disclaimer",
}


def storable(text):
    """Text every database takes: no NUL (PostgreSQL refuses it), no lone surrogate (which
    has no UTF-8 form; JSON's \\ud800 escape makes one)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def shown(text, limit=40):
    """A name from the file, safe to print: short, and without control characters."""
    text = "".join(c if c.isprintable() else "?" for c in str(text)[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def what_is(value):
    """What a value of the file is, for messages: never the whole of a long value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return shown(value, 20) if len(str(value)) <= 20 else "a long number"
    if isinstance(value, str):
        return f"the text “{shown(value)}”"
    return "a list" if isinstance(value, list) else "an object"
