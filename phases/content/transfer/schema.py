"""What a content file may hold: its format, its sections, the fields of each item and what
each field may hold: a pydantic model per section's item, each field's check raising its
problem in words for an editor."""

import datetime
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any

from django.db import models
from pydantic import BaseModel, BeforeValidator, ConfigDict, create_model
from pydantic_core import PydanticCustomError

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


def refuse(what):
    """A field's problem, in words for an editor. The words are the error's context, not its
    template, so braces from the file never reach a template."""
    return PydanticCustomError("content", "{what}", {"what": what})


def text(model, name, value):
    """A string. A CharField's max_length is checked here; a TextField's limits (length,
    nesting, render time) are its model validators, run on every text before anything is
    written."""
    if not isinstance(value, str):
        raise refuse(f"must be text, not {what_is(value)}.")
    limit = model._meta.get_field(name).max_length
    if limit is not None and len(value) > limit:
        raise refuse(f"must be at most {limit:,} characters (this has {len(value):,}).")
    if not storable(value):
        raise refuse("holds a character no database can store (a NUL or a lone surrogate).")
    return value


def number(low, high):
    def whole_number(model, name, value):
        if type(value) is not int or not low <= value <= high:
            raise refuse(f"must be a whole number from {low} to {high:,}, not {what_is(value)}.")
        return value

    return whole_number


def flag(model, name, value):
    if type(value) is not bool:
        raise refuse(f"must be true or false, not {what_is(value)}.")
    return value


def day(model, name, value):
    """A day written YYYY-MM-DD; null too where the model field allows it."""
    null = model._meta.get_field(name).null
    if value is None and null:
        return None
    # fromisoformat alone would also take 20261125 or 2026-W48-3
    if isinstance(value, str) and len(value) == len("YYYY-MM-DD"):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    alternative = ", or null (not reviewed yet)" if null else ""
    raise refuse(f"must be a day written YYYY-MM-DD{alternative}, not {what_is(value)}.")


def draft(model, name, value):
    """Null (no draft), or an object holding some of the model's DRAFT_FIELDS as text (the
    draft's own model checks them)."""
    if value is not None and not isinstance(value, dict):
        raise refuse(f"must be null or an object, not {what_is(value)}.")
    return value


def language(model, name, value):
    """One of the portal's languages (settings.LANGUAGES). An item without one is English."""
    if not isinstance(value, str) or value not in languages.codes():
        known = ", ".join(f"{code} ({languages.name_of(code)})" for code in languages.codes())
        raise refuse(f"must be one of the portal's languages, {known}; not {what_is(value)}.")
    return value


VERSION = number(1, MAX_VERSION)
FORBID = ConfigDict(extra="forbid")


def _checked(model, name, check):
    return Annotated[Any, BeforeValidator(partial(check, model, name))]


def _draft_of(model):
    """The pydantic model of a draft: each of the model's DRAFT_FIELDS, all optional."""
    fields = {name: (_checked(model, name, text), None) for name in model.DRAFT_FIELDS}
    schema = create_model(f"{model.__name__}Draft", __config__=FORBID, **fields)
    return Annotated[schema | None, BeforeValidator(partial(draft, model, "draft"))]


def item_schema(model, fields):
    """The pydantic model of one item of a section: `fields` maps each field, in the file's
    order, to the check of its value; OPTIONAL_FIELDS may be left out."""
    definitions = {
        name: (
            _draft_of(model) if check is draft else _checked(model, name, check),
            None if name in OPTIONAL_FIELDS else ...,
        )
        for name, check in fields.items()
    }
    return create_model(f"{model.__name__}Item", __config__=FORBID, **definitions)


@dataclass(frozen=True)
class Section:
    model: type[models.Model]
    name_field: str | None  # the field that names an item in its language (none: the disclaimer)
    schema: type[BaseModel]  # an item: its fields, in the file's order, and what each may hold
    single_until: int = 0  # up to this format version, one object (or null), not a list

    @property
    def fields(self):
        return tuple(self.schema.model_fields)


def _section(model, name_field, fields, single_until=0):
    return Section(model, name_field, item_schema(model, fields), single_until)


# A file without `reviewed_fingerprint` (written before reviews followed the words) claims its
# reviews for the texts it holds, as the site that wrote it did.
OPTIONAL_FIELDS = {"draft", "version", "is_published", "language", "reviewed_fingerprint"}
SECTIONS = {
    "phases": _section(Phase, "slug", {
        "slug": text, "order": number(0, 32_767), "name": text, "summary": text, "body": text,
        "questions": text, "references": text, "icd10_code": text, "last_reviewed": day,
        "next_review_due": day, "reviewer": text, "reviewed_fingerprint": text, "draft": draft,
        "version": VERSION, "is_published": flag, "language": language,
    }),
    "sections": _section(SharedSection, "key", {
        "key": text, "title": text, "text": text, "draft": draft, "version": VERSION,
        "is_published": flag, "language": language,
    }),
    "disclaimer": _section(Disclaimer, None, {
        "text": text, "draft": draft, "version": VERSION, "is_published": flag,
        "language": language,
    }, single_until=2),
    "glossary": _section(GlossaryTerm, "slug", {
        "slug": text, "term": text, "definition": text, "is_published": flag, "draft": draft,
        "version": VERSION, "language": language,
    }),
    "explanations": _section(Explanation, "key", {
        "key": text, "kind": text, "text": text, "draft": draft, "version": VERSION,
        "is_published": flag, "language": language,
    }),
}  # fmt: skip
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
